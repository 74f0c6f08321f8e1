package org.whatmatters.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SizeAdviceTest {

    @Test
    void aSplitIsAdvisedFromTwelve() {
        assertTrue(SizeAdvice.of(0).isEmpty());
        assertTrue(SizeAdvice.of(10).isEmpty());
        assertTrue(SizeAdvice.of(11).isEmpty());
        SizeAdvice twelve = SizeAdvice.of(12).orElseThrow();
        assertEquals(12, twelve.size());
        assertEquals("split-advised", twelve.flag());
        assertEquals(15, SizeAdvice.of(15).orElseThrow().size());
    }
}

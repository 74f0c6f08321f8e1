package org.whatmatters.local.cloud;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** `./dev up --help` prints the usage and ends normally (exit 0), so Maven prints no error after it. */
class HelpTest {

    @Test
    void helpPrintsTheUsageAndReturns() throws Exception {
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            LocalCloud.main(new String[] {"--help"});
            LocalCloud.main(new String[] {"--no-demo", "-h"});
        } finally {
            System.setOut(out);
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith(Options.USAGE), text);
        assertTrue(text.indexOf("usage: ./dev up") != text.lastIndexOf("usage: ./dev up"), "both printed it");
    }
}

package org.whatmatters.local.cloud;

import java.nio.ByteBuffer;
import java.util.List;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.LimitExceededException;
import org.java_websocket.framing.Framedata;
import org.java_websocket.protocols.Protocol;

/**
 * RFC 6455 with API Gateway's two limits: a frame over 32 KB closes the connection (1009), and a
 * message, which may arrive in several frames, may reach 128 KB. The library has only one limit, so
 * it gets the message one and frames are checked here.
 */
final class FrameLimitedDraft extends Draft_6455 {

    static final int MAX_FRAME = 32 * 1024;

    private final int maxFrame;

    FrameLimitedDraft(int maxFrame, int maxMessage) {
        super(List.of(), List.of(new Protocol("")), maxMessage);
        this.maxFrame = maxFrame;
    }

    @Override
    public List<Framedata> translateFrame(ByteBuffer buffer) throws InvalidDataException {
        List<Framedata> frames = super.translateFrame(buffer);
        for (Framedata f : frames) {
            if (f.getPayloadData().remaining() > maxFrame) {
                throw new LimitExceededException("Frame size exceeds " + maxFrame + " bytes", maxFrame);
            }
        }
        return frames;
    }

    /** The server copies its draft for each connection; the copy must keep the frame limit. */
    @Override
    public Draft copyInstance() {
        return new FrameLimitedDraft(maxFrame, getMaxFrameSize());
    }
}

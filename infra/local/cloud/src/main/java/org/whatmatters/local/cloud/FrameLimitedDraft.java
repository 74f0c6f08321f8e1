package org.whatmatters.local.cloud;

import java.nio.ByteBuffer;
import java.util.List;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.LimitExceededException;
import org.java_websocket.framing.Framedata;
import org.java_websocket.protocols.Protocol;

/**
 * RFC 6455 with API Gateway's two limits: a frame over 32 KB closes the connection (1009), and a
 * message, which may arrive in several frames, may reach 128 KB. The library has only one limit, so
 * it gets the message one and frames are checked here; either way the close says the same.
 */
final class FrameLimitedDraft extends Draft_6455 {

    static final int MAX_FRAME = 32 * 1024;
    static final int MAX_MESSAGE = 128 * 1024;
    private static final String TOO_BIG = "Message too big";

    FrameLimitedDraft() {
        super(List.of(), List.of(new Protocol("")), MAX_MESSAGE);
    }

    @Override
    public List<Framedata> translateFrame(ByteBuffer buffer) throws InvalidDataException {
        List<Framedata> frames = super.translateFrame(buffer);
        for (Framedata f : frames) {
            if (f.getPayloadData().remaining() > MAX_FRAME) {
                throw new LimitExceededException(TOO_BIG, MAX_FRAME);
            }
        }
        return frames;
    }

    @Override
    public void processFrame(WebSocketImpl socket, Framedata frame) throws InvalidDataException {
        try {
            super.processFrame(socket, frame);
        } catch (LimitExceededException e) {
            throw new LimitExceededException(TOO_BIG, MAX_MESSAGE);
        }
    }

    /** The server copies its draft for each connection; the copy must keep the frame limit. */
    @Override
    public Draft copyInstance() {
        return new FrameLimitedDraft();
    }
}

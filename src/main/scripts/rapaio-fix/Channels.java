package org.rapaio.jupyter.kernel.channels;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.Stack;

import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.core.RapaioKernel;
import org.rapaio.jupyter.kernel.message.ContentType;
import org.rapaio.jupyter.kernel.message.HMACDigest;
import org.rapaio.jupyter.kernel.message.Message;
import org.rapaio.jupyter.kernel.message.MessageId;
import org.rapaio.jupyter.kernel.message.MessageType;
import org.rapaio.jupyter.kernel.message.messages.ErrorReply;
import org.rapaio.jupyter.kernel.message.messages.IOPubStatus;
import org.rapaio.jupyter.kernel.message.messages.IOPubStream;
import org.rapaio.org.zeromq.ZMQ;

/*
 * Start-up fix for rapaio-jupyter-kernel 3.0.1 (MIT licence, (c) 2023 Aurelian Tutuianu), placed ahead of the
 * kernel's jar on the class path by install-kernel.sh, like LoopThread.java beside it. It is upstream's
 * org.rapaio.jupyter.kernel.channels.Channels of tag 3.0.1 (unchanged up to 3.0.4) with ONE change, in connect():
 *
 *   upstream:  bind every channel (which starts the shell and control loops), then register the kernel,
 *              then fill the handler map;
 *   here:      register the kernel and fill the handler map first, then bind.
 *
 * Upstream's order lets a request that arrives between the two (Jupyter sends kernel_info_request the moment it
 * connects) meet a null map (NullPointerException in getHandler) or a half-filled one ("Unhandled message:
 * kernel_info_request"); the request is dropped, and Jupyter Notebook, which sends it once, waits 60 s.
 * Thread.start() in bind() now happens after the map is complete, so every loop sees all handlers.
 * Every other member is upstream's, unchanged (same public API, so the jar's classes link to this one).
 */
@SuppressWarnings({"unchecked", "rawtypes"})
public final class Channels {

    private final ConnectionProperties connProps;
    private final ZMQ.Context ctx;
    private final HeartbeatChannel heartbeat;
    private final ShellChannel shell;
    private final ControlChannel control;
    private final StdinChannel stdin;
    private final IOPubChannel iopub;
    private final Set<AbstractChannel> channels;
    private final Stack<Runnable> afterActions = new Stack<>();

    private Map<MessageType<?>, MessageHandler> handlers;
    private MessageId<?> msgId;
    private boolean isConnected = false;
    private boolean requestShutdown = false;

    public Channels(ConnectionProperties connProps) throws NoSuchAlgorithmException, InvalidKeyException {
        this.connProps = connProps;
        ctx = ZMQ.context(1);
        HMACDigest hmacDigest = connProps.createHMACDigest();
        heartbeat = new HeartbeatChannel(this, ctx, hmacDigest);
        shell = new ShellChannel(this, ctx, hmacDigest, this);
        control = new ControlChannel(this, ctx, hmacDigest);
        stdin = new StdinChannel(this, ctx, hmacDigest);
        iopub = new IOPubChannel(this, ctx, hmacDigest);
        channels = Set.of(heartbeat, shell, control, stdin, iopub);
    }

    public void connect(RapaioKernel kernel) {
        if (!isConnected) {
            // The one change: the kernel and every handler are in place before any channel listens.
            kernel.registerChannels(this);
            Map<MessageType<?>, MessageHandler> map = new HashMap<>();
            map.put(MessageType.SHELL_EXECUTE_REQUEST, kernel::handleExecuteRequest);
            map.put(MessageType.SHELL_INSPECT_REQUEST, kernel::handleInspectRequest);
            map.put(MessageType.SHELL_COMPLETE_REQUEST, kernel::handleCompleteRequest);
            map.put(MessageType.SHELL_HISTORY_REQUEST, kernel::handleHistoryRequest);
            map.put(MessageType.SHELL_IS_COMPLETE_REQUEST, kernel::handleIsCompleteRequest);
            map.put(MessageType.SHELL_KERNEL_INFO_REQUEST, kernel::handleKernelInfoRequest);
            map.put(MessageType.CONTROL_SHUTDOWN_REQUEST, kernel::handleShutdownRequest);
            map.put(MessageType.CONTROL_INTERRUPT_REQUEST, kernel::handleInterruptRequest);
            map.put(MessageType.CUSTOM_COMM_OPEN, kernel::handleCommOpenCommand);
            map.put(MessageType.CUSTOM_COMM_MSG, kernel::handleCommMsgCommand);
            map.put(MessageType.CUSTOM_COMM_CLOSE, kernel::handleCommCloseCommand);
            map.put(MessageType.SHELL_COMM_INFO_REQUEST, kernel::handleCommInfoRequest);
            handlers = map;

            channels.forEach(s -> s.bind(connProps));
            iopub.sendMessage(new Message<>(MessageType.IOPUB_STATUS, IOPubStatus.STARTING));
            isConnected = true;
        }
    }

    public <T> MessageHandler<T> getHandler(MessageType<T> type) {
        return handlers.get(type);
    }

    public void close() {
        channels.forEach(AbstractChannel::close);
        ctx.close();
    }

    public void joinUntilClose() {
        channels.forEach(AbstractChannel::joinUntilClose);
    }

    public boolean hasMsgId() {
        return msgId != null;
    }

    public void setMsgId(MessageId<?> msgId) {
        this.msgId = msgId;
    }

    public void freeMsgId() {
        this.msgId = null;
    }

    public void markForShutdown() {
        requestShutdown = true;
    }

    public boolean isMarkedForShutdown() {
        return requestShutdown;
    }

    public void writeToStdOut(String msg) {
        publish(new IOPubStream(IOPubStream.StreamName.OUT, msg));
    }

    public void writeToStdErr(String msg) {
        publish(new IOPubStream(IOPubStream.StreamName.ERR, msg));
    }

    public String readFromStdIn() {
        return stdin.getInput(msgId, "", false);
    }

    public <T extends ContentType<T>> void publish(T content) {
        iopub.sendMessage(new Message<>(msgId, content.type(), content));
    }

    public <T extends ContentType<T>> void reply(T content) {
        shell.sendMessage(new Message<>(msgId, content.type(), content));
    }

    public void replyError(MessageType<?> type, ErrorReply error) {
        shell.sendMessage(new Message(msgId, type, error));
    }

    public void scheduleAfter(Runnable action) {
        afterActions.push(action);
    }

    public void runAfterActions() {
        while (!afterActions.isEmpty()) {
            afterActions.pop().run();
        }
    }

    public void busyThenIdle() {
        publish(IOPubStatus.BUSY);
        scheduleAfter(() -> publish(IOPubStatus.IDLE));
    }
}

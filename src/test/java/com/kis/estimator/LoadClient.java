package com.kis.estimator;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The load benchmarks' HTTP/1.1 client: a fixed set of keep-alive connections, each with a thread that sends one
 * prepared request at a time and reads the answer (Content-Length or chunked). It runs on the same 2 cores as
 * the server it measures, so it does as little as it can: the JDK's asynchronous HttpClient spent about a tenth
 * of the CPU of the requests it sent. Requests wait in one queue, so latency measured from a request's scheduled
 * start includes any wait for a free connection.
 */
public final class LoadClient implements AutoCloseable {

    private record Call(byte[] request, CompletableFuture<Integer> status) {
    }

    private static final Call STOP = new Call(new byte[0], null);

    private final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
    private final List<Thread> connections = new ArrayList<>();
    private final String host;
    private final int port;

    public LoadClient(String host, int port, int connections) {
        this.host = host;
        this.port = port;
        for (int i = 0; i < connections; i++) {
            Thread thread = new Thread(this::serve, "load-client-" + i);
            thread.setDaemon(true);
            thread.start();
            this.connections.add(thread);
        }
    }

    /** A complete request, prepared once and sent as often as needed. */
    public static byte[] post(String host, int port, String path, String bearerToken, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAuthorization: Bearer "
                + bearerToken + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: "
                + body.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        return request;
    }

    /** Sends the request on the next free connection; completes with the response's status code. */
    public CompletableFuture<Integer> send(byte[] request) {
        CompletableFuture<Integer> status = new CompletableFuture<>();
        calls.add(new Call(request, status));
        return status;
    }

    private void serve() {
        Socket socket = null;
        ResponseReader responses = null;
        try {
            while (true) {
                Call call = calls.take();
                if (call == STOP) {
                    return;
                }
                boolean reused = socket != null;
                try {
                    if (socket == null) {
                        socket = open();
                        responses = new ResponseReader(socket.getInputStream());
                    }
                    Response response = exchange(socket, responses, call.request(), reused);
                    if (response == null) {
                        // The server had closed the idle connection before this request reached it: resend once.
                        close(socket);
                        socket = open();
                        responses = new ResponseReader(socket.getInputStream());
                        response = exchange(socket, responses, call.request(), false);
                    }
                    call.status().complete(response.status());
                    if (response.closing()) {
                        close(socket);
                        socket = null;
                    }
                } catch (IOException e) {
                    call.status().completeExceptionally(e);
                    close(socket);
                    socket = null;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close(socket);
        }
    }

    private Socket open() throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port));
        return socket;
    }

    private record Response(int status, boolean closing) {
    }

    /**
     * Sends the request and reads the answer. Null when a reused connection turns out to be closed before any
     * answer began: the server closed it while idle, and the request was never read.
     */
    private static Response exchange(Socket socket, ResponseReader in, byte[] request, boolean reused)
            throws IOException {
        String statusLine;
        try {
            socket.getOutputStream().write(request);
            statusLine = in.line();
        } catch (IOException e) {
            if (reused && !in.started()) {
                return null;
            }
            throw e;
        }
        return readRest(in, Integer.parseInt(statusLine.substring(9, 12)));
    }

    /** Reads the headers and the body (discarded) after the status line. */
    private static Response readRest(ResponseReader in, int status) throws IOException {
        long length = -1;
        boolean chunked = false;
        boolean closing = false;
        for (String header = in.line(); !header.isEmpty(); header = in.line()) {
            String lower = header.toLowerCase();
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(header.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                closing = true;
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(in.line().trim(), 16); size > 0; size = Long.parseLong(in.line().trim(), 16)) {
                in.skip(size);
                in.line();
            }
            for (String trailer = in.line(); !trailer.isEmpty(); trailer = in.line()) {
                // trailers are not used
            }
        } else if (length > 0) {
            in.skip(length);
        }
        in.finished();
        return new Response(status, closing);
    }

    /** Lines and bytes from one connection, buffered. */
    private static final class ResponseReader {

        private final InputStream in;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream(128);

        ResponseReader(InputStream in) {
            this.in = new BufferedInputStream(in, 16_384);
        }

        private boolean started;

        /** Whether any byte of the current answer has arrived. */
        boolean started() {
            return started;
        }

        void finished() {
            started = false;
        }

        String line() throws IOException {
            line.reset();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("connection closed by the server");
                }
                started = true;
                if (b != '\r') {
                    line.write(b);
                }
            }
            return line.toString(StandardCharsets.US_ASCII);
        }

        void skip(long bytes) throws IOException {
            for (long left = bytes; left > 0; ) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("connection closed by the server");
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        }
    }

    private static void close(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken connection
            }
        }
    }

    @Override
    public void close() {
        connections.forEach(thread -> calls.add(STOP));
    }
}

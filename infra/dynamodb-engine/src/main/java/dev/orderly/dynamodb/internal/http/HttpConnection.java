package dev.orderly.dynamodb.internal.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection, read and answered in order on its own thread. Only what AWS
 * clients send is understood: a request line, headers, and a body framed by Content-Length or
 * chunked encoding ({@code Expect: 100-continue} is honoured).
 */
final class HttpConnection {
  static final int MAX_BODY = 16 * 1024 * 1024;
  private static final int MAX_LINE = 64 * 1024;

  /** A parsed request; the body is complete. */
  record Request(String method, String target, byte[] body, boolean keepAlive) {}

  /** A malformed or oversized request, answered with the given status and then closed. */
  static final class BadRequest extends IOException {
    private static final long serialVersionUID = 1L;
    final int status;

    BadRequest(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  HttpConnection(Socket socket) throws IOException {
    this.socket = socket;
    this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    this.out = socket.getOutputStream();
  }

  /** The next request, or null when the client closed the connection between requests. */
  Request read() throws IOException {
    String requestLine = line(true);
    if (requestLine == null) {
      return null;
    }
    String[] parts = requestLine.split(" ");
    if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
      throw new BadRequest(400, "malformed request line");
    }
    boolean keepAlive = parts[2].equals("HTTP/1.1");
    String target = null;
    long length = -1;
    boolean chunked = false;
    boolean expectContinue = false;
    for (String header = line(false); !header.isEmpty(); header = line(false)) {
      int colon = header.indexOf(':');
      if (colon <= 0) {
        throw new BadRequest(400, "malformed header");
      }
      String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = header.substring(colon + 1).trim();
      switch (name) {
        case "x-amz-target":
          target = value;
          break;
        case "content-length":
          try {
            length = Long.parseLong(value);
          } catch (NumberFormatException e) {
            throw new BadRequest(400, "bad Content-Length");
          }
          break;
        case "transfer-encoding":
          chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
          break;
        case "connection":
          keepAlive =
              !value.equalsIgnoreCase("close")
                  && (keepAlive || value.equalsIgnoreCase("keep-alive"));
          break;
        case "expect":
          expectContinue = value.equalsIgnoreCase("100-continue");
          break;
        default:
          break;
      }
    }
    if (length > MAX_BODY) {
      throw new BadRequest(413, "request body too large");
    }
    if (expectContinue) {
      out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }
    byte[] body;
    if (chunked) {
      body = readChunked();
    } else if (length >= 0) {
      body = in.readNBytes((int) length);
      if (body.length != length) {
        throw new EOFException("body ended early");
      }
    } else {
      body = new byte[0];
    }
    return new Request(parts[0], target, body, keepAlive);
  }

  private byte[] readChunked() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = line(false);
      int semicolon = sizeLine.indexOf(';');
      int size;
      try {
        size =
            Integer.parseInt(
                (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
      } catch (NumberFormatException e) {
        throw new BadRequest(400, "bad chunk size");
      }
      if (size == 0) {
        while (!line(false).isEmpty()) {
          // trailers are ignored
        }
        return body.toByteArray();
      }
      if (body.size() + size > MAX_BODY) {
        throw new BadRequest(413, "request body too large");
      }
      byte[] chunk = in.readNBytes(size);
      if (chunk.length != size) {
        throw new EOFException("chunk ended early");
      }
      body.write(chunk);
      line(false);
    }
  }

  /** Writes a whole response in one write, so a small answer leaves in one segment. */
  void write(int status, String reason, String contentType, String[] headers, byte[] body)
      throws IOException {
    StringBuilder head = new StringBuilder(256);
    head.append("HTTP/1.1 ").append(status).append(' ').append(reason).append("\r\n");
    head.append("Content-Type: ").append(contentType).append("\r\n");
    head.append("Content-Length: ").append(body.length).append("\r\n");
    for (int i = 0; i + 1 < headers.length; i += 2) {
      head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
    }
    head.append("\r\n");
    byte[] headBytes = head.toString().getBytes(StandardCharsets.US_ASCII);
    byte[] response = new byte[headBytes.length + body.length];
    System.arraycopy(headBytes, 0, response, 0, headBytes.length);
    System.arraycopy(body, 0, response, headBytes.length, body.length);
    out.write(response);
    out.flush();
  }

  void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing a socket that failed is best effort
    }
  }

  /** Reads one CRLF-terminated line; null at a clean end of stream when {@code eofAllowed}. */
  private String line(boolean eofAllowed) throws IOException {
    StringBuilder line = new StringBuilder(64);
    while (true) {
      int c = in.read();
      if (c < 0) {
        if (eofAllowed && line.length() == 0) {
          return null;
        }
        throw new EOFException("connection closed mid-request");
      }
      if (c == '\n') {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
          line.setLength(end - 1);
        }
        return line.toString();
      }
      if (line.length() >= MAX_LINE) {
        throw new BadRequest(431, "header line too long");
      }
      line.append((char) c);
    }
  }
}

package dev.activityhub.http.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;

/**
 * Jetty's own error responses (a request it refuses before any route runs: a {@code %00} or bad
 * encoding in the path, a URI or headers over the limits) in the family's JSON error body, chosen by
 * path like every other error, instead of Jetty's HTML page. Installed with {@code Server.setErrorHandler}.
 */
final class FamilyErrorHandler extends ErrorHandler {
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        HttpURI uri = request.getHttpURI();
        String path = uri == null || uri.getPath() == null ? "" : uri.getPath();
        // Jetty's reasons are fixed phrases ("Ambiguous URI path encoding"); a bare cause is not shown.
        String text = code < 500 && message != null && (cause == null || !message.equals(cause.toString()))
                ? message : HttpStatus.getMessage(code);
        byte[] body;
        try {
            body = JsonBodyParser.mapper().writeValueAsBytes(HttpErrors.plainBody(path, code, text));
        } catch (JsonProcessingException e) {
            callback.failed(e);
            return;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}

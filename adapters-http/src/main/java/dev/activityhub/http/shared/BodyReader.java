package dev.activityhub.http.shared;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;

/** How one API family reads a JSON object body (what an empty or malformed body means differs). */
@FunctionalInterface
public interface BodyReader {
    ObjectNode object(Context ctx);
}

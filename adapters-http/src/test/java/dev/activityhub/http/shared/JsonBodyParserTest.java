package dev.activityhub.http.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.ValidationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Bodies read from their bytes read exactly as they did from the decoded text, errors included. */
class JsonBodyParserTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static HttpServer server;

    @BeforeAll
    static void start() {
        // Answers the object read, or "<type>|<field>|<message>" of the validation error.
        RouteGroup echo = routes -> routes.post("/echo", ctx -> {
            try {
                ctx.json(JsonBodyParser.readObject(ctx));
            } catch (ValidationException e) {
                ctx.status(400).result(worded(e.errors().get(0)));
            }
        });
        server = new HttpServer(List.of(echo), () -> true, 10_000).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void aUtf8BodyWithAndWithoutACharsetReadsAsItsText() throws Exception {
        String json = "{\"title\":\"Zoë – ü 日本 \uD83D\uDE00\",\"n\":[1,2.5,true,null]}";
        ObjectNode expected = (ObjectNode) JsonBodyParser.mapper().readTree(json);
        for (String type : List.of("application/json", "application/json; charset=utf-8", "application/json;charset=UTF-8")) {
            HttpResponse<String> answer = post(type, json.getBytes(StandardCharsets.UTF_8));
            assertEquals(200, answer.statusCode(), type);
            assertEquals(expected, JsonBodyParser.mapper().readTree(answer.body()), type);
        }
    }

    @Test
    void anotherDeclaredCharsetIsStillHonoured() throws Exception {
        HttpResponse<String> answer = post("application/json; charset=ISO-8859-1",
                "{\"name\":\"Zoë\"}".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(200, answer.statusCode());
        assertEquals("Zoë", JsonBodyParser.mapper().readTree(answer.body()).get("name").asText());
    }

    @Test
    void malformedUtf8IsReadAsTheDecodedTextAlwaysReadIt() throws Exception {
        byte[] body = {'{', '"', 'a', '"', ':', '"', 'x', (byte) 0xFF, 'y', '"', '}'};
        HttpResponse<String> answer = post("application/json", body);
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("x\uFFFDy", JsonBodyParser.mapper().readTree(answer.body()).get("a").asText());
    }

    @Test
    void malformedJsonIsWordedAsFromTheText() throws Exception {
        for (String json : List.of("{\"a\": }", "{\"é\": 1,,}", "[1, 2", "{\"a\": \"b\"} trailing {")) {
            HttpResponse<String> answer = post("application/json", json.getBytes(StandardCharsets.UTF_8));
            assertEquals(answeredFromText(json), answer.statusCode() == 200 ? "200" : answer.body(), json);
        }
    }

    /**
     * Jackson skips a byte-order mark and reads UTF-16 or UTF-32 from bytes, where the body decoded as UTF-8 (all
     * that was ever read) keeps the mark and reads NULs: such bodies are answered as their text always was.
     */
    @Test
    void aByteOrderMarkOrAWiderEncodingIsAnsweredAsItsDecodedTextWas() throws Exception {
        byte[] json = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        byte[] withMark = new byte[json.length + 3];
        withMark[0] = (byte) 0xEF;
        withMark[1] = (byte) 0xBB;
        withMark[2] = (byte) 0xBF;
        System.arraycopy(json, 0, withMark, 3, json.length);
        for (byte[] body : List.of(withMark, "{\"a\":1}".getBytes(StandardCharsets.UTF_16LE),
                "{\"a\":1}".getBytes(StandardCharsets.UTF_16BE))) {
            String text = new String(body, StandardCharsets.UTF_8);
            HttpResponse<String> answer = post("application/json", body);
            assertEquals(answeredFromText(text), answer.statusCode() == 200 ? "200" : answer.body(), text);
            assertEquals(400, answer.statusCode(), "refused, as the text always was: " + text);
        }
    }

    @Test
    void blankBodiesAreMissingWhateverTheirWhitespace() throws Exception {
        for (String blank : List.of("", "  \r\n\t", "\u2003 \u2003")) {
            HttpResponse<String> answer = post("application/json", blank.getBytes(StandardCharsets.UTF_8));
            assertEquals(400, answer.statusCode(), "'" + blank + "'");
            assertEquals("missing||Request body is required", answer.body(), "'" + blank + "'");
        }
        String spaced = post("application/json", "\u2003{\"a\":1}".getBytes(StandardCharsets.UTF_8)).body();
        assertEquals("json_invalid||JSON decode error", spaced.substring(0, spaced.indexOf(':')),
                "JSON's whitespace is ASCII's: an em space before an object is refused, as it always was");
    }

    @Test
    void aNulCharacterIsRefusedFromTheBytesToo() throws Exception {
        HttpResponse<String> answer = post("application/json", "{\"a\":\"x\\u0000y\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, answer.statusCode());
        assertEquals("a", answer.body().split("\\|")[1]);
    }

    /** What the echo route answered when bodies were read from their decoded text: "200", or the worded error. */
    private static String answeredFromText(String text) throws Exception {
        try {
            return JsonBodyParser.mapper().readTree(text) instanceof ObjectNode ? "200"
                    : "model_attributes_type||Request body must be a JSON object";
        } catch (JsonProcessingException e) {
            return worded(JsonBodyParser.toValidation(e).errors().get(0));
        }
    }

    /** The echo route's rendering of a validation error. */
    private static String worded(FieldError error) {
        return error.type() + "|" + error.field() + "|" + error.message();
    }

    private static HttpResponse<String> post(String contentType, byte[] body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/echo"))
                        .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

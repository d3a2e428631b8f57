package dev.activityhub.http.lead;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DownloadHeadersTest {
    @Test
    void onlyAllowListedTypesAreServedAsThemselves() {
        assertEquals("application/pdf", DownloadHeaders.contentType("application/pdf"));
        assertEquals("image/png", DownloadHeaders.contentType(" IMAGE/PNG "));
        assertEquals("text/plain", DownloadHeaders.contentType("text/plain; charset=utf-8"));
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                DownloadHeaders.contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        for (String unsafe : new String[] {"text/html", "image/svg+xml", "application/xhtml+xml", "text/xml",
                "application/javascript", "text/html; charset=utf-8", "text/plain,text/html", "multipart/x-mixed-replace",
                "", "nonsense", null}) {
            assertEquals("application/octet-stream", DownloadHeaders.contentType(unsafe), String.valueOf(unsafe));
        }
    }

    @Test
    void fileNamesFollowRfc6266WithAnRfc5987UtfEightName() {
        assertEquals("attachment; filename=\"report.pdf\"; filename*=UTF-8''report.pdf",
                DownloadHeaders.contentDisposition("report.pdf"));
        assertEquals("attachment; filename=\"R_sum_ _ 2025.pdf\"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%E2%80%93%202025.pdf",
                DownloadHeaders.contentDisposition("Résumé – 2025.pdf"));
        assertEquals("attachment; filename=\"a_b_c;d.txt\"; filename*=UTF-8''a%22b%5Cc%3Bd.txt",
                DownloadHeaders.contentDisposition("a\"b\\c;d.txt"));
        assertEquals("attachment; filename=\"_.png\"; filename*=UTF-8''%F0%9F%98%80.png",
                DownloadHeaders.contentDisposition("😀.png"));
    }
}

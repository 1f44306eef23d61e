package org.selfkms.rest.http;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The language-range and quality-value grammars; media types are RESTEasy's parser, proven in HostileRequestsIT. */
class RequestGrammarTest {

    @Test
    void acceptsWhatBrowsersAndSdksSend() {
        for (String fine : new String[]{null, "", "*", "en", "en-US,en;q=0.9", "zh-CN, zh;q=0.8, en-US;q=0.5, *;q=0.1",
                "de;q=1.000", "fr;q=0", "en,,de"}) {
            assertTrue(RequestGrammar.acceptLanguageProblem(fine).isEmpty(), String.valueOf(fine));
        }
    }

    @Test
    void refusesWhatTheContainerWouldChokeOn() {
        for (String bad : new String[]{"*;q=x", "en;q=1.5", "en;q=0.1234", "en;q=", "en;level=1", "en_US", "123456789",
                "en;q=0.5;", "x".repeat(2000)}) {
            assertTrue(RequestGrammar.acceptLanguageProblem(bad).isPresent(), bad);
        }
    }

    @Test
    void pathsMustBeUtf8InPercentEncoding() {
        for (String fine : new String[]{"/", "/api/v1/keys/abc", "/api/v1/keys/alias%2Fx", "/%E2%82%AC", "/k%20y", "/\u00e9"}) {
            assertTrue(RequestGrammar.pathProblem(fine).isEmpty(), fine);
        }
        for (String bad : new String[]{"/%C3%28", "/api/v1/keys/%FF", "/%E2%82", "/%zz", "/%4", "/%"}) {
            assertTrue(RequestGrammar.pathProblem(bad).isPresent(), bad);
        }
    }

    @Test
    void queryStringsMustBeUtf8InPercentEncoding() {
        assertTrue(RequestGrammar.queryProblem(null).isEmpty());
        for (String fine : new String[]{"", "tagKey=team+x&tagValue=%C3%A4%2Fb", "limit=10", "a=%E2%82%AC"}) {
            assertTrue(RequestGrammar.queryProblem(fine).isEmpty(), fine);
        }
        for (String bad : new String[]{"tagKey=%zz", "cursor=%C3%28", "a=%", "a=%4"}) {
            assertTrue(RequestGrammar.queryProblem(bad).isPresent(), bad);
        }
    }
}

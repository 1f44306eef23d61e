package org.selfkms.it;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A console test that also uses the Tencent SDK: a fresh headless Chromium for each test. */
abstract class SdkBrowserTest extends SdkKeyTest {

    ConsoleBrowser browser;

    @BeforeEach
    void startBrowser() throws IOException {
        browser = ConsoleBrowser.start(baseUrl());
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }
}

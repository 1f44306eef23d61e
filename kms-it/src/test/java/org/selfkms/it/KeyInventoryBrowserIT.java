package org.selfkms.it;

import com.tencentcloudapi.kms.v20190118.models.ArchiveKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.CreateKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's key list as an inventory of several hundred keys: every state listed (pending deletion and archived
 * included), searched case-insensitively by alias, key id or description, filtered by state and tag, counted, sorted
 * by alias both ways, paged to the end; service-managed keys on their own tab; a deletion cancelled from the row menu.
 */
@org.junit.jupiter.api.Tag("console")
class KeyInventoryBrowserIT extends SdkBrowserTest {

    private static final int KEYS = 300;
    private static final String ROW_ALIASES = """
            const grid = document.getElementById('keys-grid');
            return Array.from(grid.querySelectorAll('vaadin-grid-cell-content a'))
                    .filter(a => { const c = a.closest('vaadin-grid-cell-content'); const row = c.assignedSlot && c.assignedSlot.closest('tr');
                                   return row && !row.hidden; })
                    .map(a => a.textContent.trim());
            """;


    @Test
    void severalHundredKeysAreSearchedFilteredSortedAndPaged() throws Exception {
        String prefix = uniqueAlias("inv");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < KEYS; i++) {
            CreateKeyRequest create = new CreateKeyRequest();
            create.setAlias(prefix + "-" + String.format(Locale.ROOT, "%03d", i));
            if (i % 10 == 0) {
                create.setDescription("holds the NeedLe " + i);
            }
            if (i % 25 == 0) {
                create.setTags(new Tag[]{tag("inventory", "blue")});
            }
            ids.add(kms().CreateKey(create).getKeyId());
        }
        for (int i = 1; i < KEYS; i += 50) {
            disable(ids.get(i)); // 6 disabled
        }
        disable(ids.get(7));
        schedule(ids.get(7), 7); // pending deletion
        ArchiveKeyRequest archive = new ArchiveKeyRequest();
        archive.setKeyId(ids.get(8));
        kms().ArchiveKey(archive);

        browser.openConsoleAndExpectLogin();
        browser.logIn(adminUsername(), adminPassword());
        browser.openKeys();
        browser.waitUntil("the keys view", () -> browser.isPresent(By.id("keys-search")));

        search(prefix.toUpperCase(Locale.ROOT));
        waitForCount(KEYS);
        search("NEEDLE");
        browser.waitUntil("the description search", () -> count() >= KEYS / 10);
        search(prefix);
        choose("keys-filter-state", "Disabled");
        waitForCount(6);
        choose("keys-filter-state", "Pending deletion");
        waitForCount(1);
        assertEquals(List.of(prefix + "-007"), aliases(), "a key pending deletion is listed");
        browser.keyRowAction(prefix + "-007", "cancel-deletion");
        browser.waitUntil("the cancelled deletion", () -> "Disabled".equals(stateQuietly(ids.get(7))));
        waitForCount(0);
        assertTrue(browser.text("keys-empty").startsWith("No key matches"), browser.text("keys-empty"));
        choose("keys-filter-state", "Archived");
        waitForCount(1);
        choose("keys-filter-state", "All states");
        typeInto("keys-filter-tag", "inventory=blue");
        waitForCount(KEYS / 25);
        typeInto("keys-filter-tag", "");
        waitForCount(KEYS);

        // newest first by default; keys created within one second (as here) in one fixed order, page after page
        List<String> firstRows = aliases();
        choose("keys-filter-state", "Enabled");
        choose("keys-filter-state", "All states");
        browser.waitUntil("the list shown again", () -> count() == KEYS && !aliases().isEmpty());
        assertEquals(firstRows, aliases(), "the same order when asked again");
        sortBy("Alias");
        browser.waitUntil("ascending by alias", () -> aliases().get(0).equals(prefix + "-000"));
        browser.saveScreenshot("key-inventory.png");
        sortBy("Alias");
        browser.waitUntil("descending by alias", () -> aliases().get(0).equals(prefix + "-299"));
        browser.js("document.getElementById('keys-grid').scrollToIndex(" + (KEYS - 1) + ");");
        browser.waitUntil("the last page", () -> aliases().contains(prefix + "-000"));

        browser.click(By.id("keys-tab-service"));
        waitForCount(0);
        assertTrue(browser.isPresent(By.id("keys-filter-owner")), "the service tab filters by service");
        browser.click(By.id("keys-tab-customer"));
        waitForCount(KEYS);
    }

    private void search(String text) {
        typeInto("keys-search", text);
    }

    private void typeInto(String id, String text) {
        WebElement input = browser.driver().findElement(By.cssSelector("#" + id + " input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        if (!text.isEmpty()) {
            input.sendKeys(text);
        }
        input.sendKeys(Keys.TAB); // a lazy field sends its value on blur at the latest
        browser.waitForVaadin();
    }

    private void choose(String selectId, String label) {
        browser.click(By.id(selectId));
        browser.waitUntil("the choices of " + selectId, () -> browser.driver().findElements(By.cssSelector("vaadin-select-item"))
                .stream().anyMatch(item -> item.isDisplayed() && item.getText().trim().equals(label)));
        browser.driver().findElements(By.cssSelector("vaadin-select-item")).stream()
                .filter(item -> item.isDisplayed() && item.getText().trim().equals(label)).findFirst().orElseThrow().click();
        browser.waitForVaadin();
    }

    private void sortBy(String header) {
        browser.js("Array.from(document.querySelectorAll('#keys-grid vaadin-grid-sorter'))"
                + ".find(s => s.textContent.trim() === arguments[0]).click();", header);
        browser.waitForVaadin();
    }

    private long count() {
        List<WebElement> label = browser.driver().findElements(By.id("keys-count"));
        String value = label.isEmpty() ? null : label.get(0).getDomAttribute("data-count");
        return value == null ? -1 : Long.parseLong(value);
    }

    private void waitForCount(long expected) {
        browser.waitUntil(expected + " keys counted", () -> count() == expected);
    }

    @SuppressWarnings("unchecked")
    private List<String> aliases() {
        return (List<String>) browser.js(ROW_ALIASES);
    }

    private static String stateQuietly(String keyId) {
        try {
            return state(keyId);
        } catch (Exception e) {
            return "";
        }
    }

    private static Tag tag(String key, String value) {
        Tag tag = new Tag();
        tag.setTagKey(key);
        tag.setTagValue(value);
        return tag;
    }
}

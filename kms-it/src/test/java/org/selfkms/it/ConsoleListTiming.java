package org.selfkms.it;

import java.util.*;
import java.util.function.BooleanSupplier;
import org.openqa.selenium.*;
import org.openqa.selenium.chrome.*;

/**
 * A one-off timing of the console at scale, not a test: a headless Chromium logs in and times, six times each
 * (the first run is a warm-up), the overview, the key inventory, sorting by alias and the search box, end to end
 * from the browser. Run it against a server whose tenant {@code TenantKeyFill} filled (docs/performance.md,
 * *The console with 100,000 keys*):
 *
 * <pre>java -cp "$(cat classpath)" kms-it/src/test/java/org/selfkms/it/ConsoleListTiming.java http://127.0.0.1:8680 ADMIN_PASSWORD</pre>
 */
public class ConsoleListTiming {
    static WebDriver d;
    static JavascriptExecutor js;
    static long waitFor(BooleanSupplier c) throws Exception {
        long start = System.nanoTime();
        while (!c.getAsBoolean()) {
            if (System.nanoTime() - start > 60_000_000_000L) throw new IllegalStateException("timeout");
            Thread.sleep(5);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }
    static boolean present(String id) { return !d.findElements(By.id(id)).isEmpty(); }
    static String firstAlias() {
        Object o = js.executeScript("const g=document.getElementById('keys-grid'); if(!g) return ''; const a=[...g.querySelectorAll('vaadin-grid-cell-content a')].filter(a=>{const c=a.closest('vaadin-grid-cell-content'); const r=c.assignedSlot&&c.assignedSlot.closest('tr'); return r&&!r.hidden&&r.index===0;}); return a.length?a[0].textContent:'';");
        return String.valueOf(o);
    }
    static String count() { List<WebElement> e = d.findElements(By.id("keys-count")); return e.isEmpty() ? "" : String.valueOf(e.get(0).getDomAttribute("data-count")); }
    public static void main(String[] a) throws Exception {
        ChromeOptions o = new ChromeOptions();
        o.setBinary("/usr/bin/chromium");
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1440,900");
        d = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).build(), o);
        js = (JavascriptExecutor) d;
        String base = a[0];
        Map<String, List<Long>> t = new LinkedHashMap<>();
        try {
            d.get(base + "/console/login");
            waitFor(() -> present("vaadinLoginUsername"));
            d.findElement(By.cssSelector("#vaadinLoginUsername input")).sendKeys("admin");
            d.findElement(By.cssSelector("#vaadinLoginPassword input")).sendKeys(a[1]);
            d.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")).click();
            waitFor(() -> present("logout-button"));
            for (int i = 0; i < 6; i++) {
                long s = System.nanoTime();
                d.get(base + "/console/");
                waitFor(() -> present("overview-key-count"));
                t.computeIfAbsent("overview (navigation to cards shown)", k -> new ArrayList<>()).add((System.nanoTime() - s) / 1_000_000);
                s = System.nanoTime();
                d.get(base + "/console/keys");
                waitFor(() -> !count().isEmpty() && !firstAlias().isEmpty());
                t.computeIfAbsent("keys view (navigation to count and first rows)", k -> new ArrayList<>()).add((System.nanoTime() - s) / 1_000_000);
                String before = firstAlias();
                s = System.nanoTime();
                js.executeScript("document.querySelector('#keys-grid vaadin-grid-sorter').click();");
                waitFor(() -> !firstAlias().equals(before) && !firstAlias().isEmpty());
                t.computeIfAbsent("sort by alias (click to first row)", k -> new ArrayList<>()).add((System.nanoTime() - s) / 1_000_000);
                String allCount = count();
                s = System.nanoTime();
                WebElement search = d.findElement(By.cssSelector("#keys-search input"));
                search.sendKeys("0421", Keys.ENTER);
                waitFor(() -> !count().equals(allCount) && !count().isEmpty());
                t.computeIfAbsent("search \"0421\" (Enter to count)", k -> new ArrayList<>()).add((System.nanoTime() - s) / 1_000_000);
                System.out.println("run " + i + " count " + allCount + " -> " + count());
            }
        } finally {
            d.quit();
        }
        t.forEach((k, v) -> { List<Long> w = new ArrayList<>(v.subList(1, v.size())); Collections.sort(w); System.out.println(k + ": median " + w.get(w.size() / 2) + " ms, all " + v); });
    }
}

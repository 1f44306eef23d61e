package org.selfkms.console.overview;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.selfkms.api.audit.AuditActivity;
import org.selfkms.api.audit.ChainVerification;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.identity.Caller;
import org.selfkms.api.identity.Permission;
import org.selfkms.api.key.KeyMetadata;
import org.selfkms.api.key.KeyState;
import org.selfkms.api.key.KeyStatistics;
import org.selfkms.api.key.KeyUsage;
import org.selfkms.api.token.TokenOverview;
import org.selfkms.console.auth.ConsoleSession;
import org.selfkms.console.auth.RequiresPermission;
import org.selfkms.console.feedback.Notifications;
import org.selfkms.console.gate.ConsoleGate;
import org.selfkms.console.keys.KeyLabels;
import org.selfkms.console.keys.KeysView;
import org.selfkms.console.keys.details.KeyDetailsView;
import org.selfkms.console.layout.MainLayout;
import org.selfkms.console.layout.ViewHeading;

/**
 * The console's landing page: the tenant's keys by state and usage, deletions pending with the time left, rotations
 * due, requests and refusals over the last hour or day with the busiest actions and keys, the audit chain's state on
 * demand, and the token. Each part only for a role that may read it; the page is one audited request
 * ({@code DescribeOverview}).
 */
@RequiresPermission(Permission.READ_KEYS)
@Route(value = "", layout = MainLayout.class)
@PageTitle("Overview | SelfKMS")
public class OverviewView extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);

    @Inject
    private ConsoleGate gate;

    private final FlexLayout cards = new FlexLayout();
    private final Tab lastHour = new Tab("Last hour");
    private final Tab lastDay = new Tab("Last day");
    private final Tabs range = new Tabs(lastHour, lastDay);
    private final Span verification = new Span();

    /** What one page load reads: each part null when the role may not read it. */
    private record Overview(KeyStatistics keys, AuditActivity activity, TokenOverview token) {
    }

    public OverviewView() {
        ViewHeading title = new ViewHeading("Overview");
        cards.setId("overview-cards");
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cards.getStyle().set("gap", "var(--lumo-space-l)");
        range.setId("overview-activity-range");
        range.addSelectedChangeListener(change -> load());
        add(title, cards);
    }

    @PostConstruct
    void load() {
        cards.removeAll();
        Caller me = ConsoleSession.caller().orElseThrow();
        boolean audit = me.may(Permission.READ_AUDIT);
        boolean token = me.may(Permission.ADMINISTER_TENANT);
        boolean day = range.getSelectedTab() == lastDay;
        long now = System.currentTimeMillis();
        long from = now - (day ? Duration.ofDays(1) : Duration.ofHours(1)).toMillis();
        int buckets = day ? 24 : 60;
        Overview overview;
        try {
            overview = gate.call("DescribeOverview", null, (kms, caller) -> new Overview(kms.keys().keyStatistics(caller),
                    audit ? kms.auditTrail().activity(caller, from, buckets) : null,
                    token ? kms.token().overview(caller) : null));
        } catch (KmsException e) {
            Notifications.error(e.getMessage());
            return;
        }
        cards.add(keysCard(overview.keys()), deletionsCard(overview.keys()), rotationsCard(overview.keys()));
        if (overview.activity() != null) {
            cards.add(activityCard(overview.activity(), day), auditCard());
        }
        if (overview.token() != null) {
            cards.add(tokenCard(overview.token()));
        }
    }

    private Component keysCard(KeyStatistics keys) {
        long total = keys.byState().values().stream().mapToLong(Long::longValue).sum();
        List<SvgChart.Bar> states = new ArrayList<>();
        for (KeyState state : List.of(KeyState.Enabled, KeyState.Disabled, KeyState.PendingDelete, KeyState.PendingImport,
                KeyState.Archived)) {
            states.add(new SvgChart.Bar(KeyLabels.state(state), keys.byState().getOrDefault(state, 0L), 0));
        }
        List<SvgChart.Bar> usages = new ArrayList<>();
        for (Map.Entry<KeyUsage, Long> usage : keys.byUsage().entrySet()) {
            usages.add(new SvgChart.Bar(KeyLabels.usage(usage.getKey()), usage.getValue(), 0));
        }
        usages.sort((a, b) -> Long.compare(b.value(), a.value()));
        Span count = new Span(total == 1 ? "1 key" : total + " keys");
        count.setId("overview-key-count");
        count.getElement().setAttribute("data-count", String.valueOf(total));
        return card("Keys", count, SvgChart.bars("overview-keys-by-state", "Keys by state", states),
                SvgChart.bars("overview-keys-by-usage", "Keys by usage", usages), new RouterLink("All keys", KeysView.class));
    }

    private Component deletionsCard(KeyStatistics keys) {
        return keyListCard("Deletions pending", "overview-pending-deletions", keys.pendingDeletion(),
                key -> "deleted in " + countdown(key.deletionDate() - Instant.now().getEpochSecond()),
                "No key is waiting for deletion.");
    }

    private Component rotationsCard(KeyStatistics keys) {
        return keyListCard("Rotations due", "overview-rotations-due", keys.rotationsDue(),
                key -> "rotates in " + countdown(key.nextRotateTime() - Instant.now().getEpochSecond()),
                "No automatic rotation in the next " + KeyStatistics.ROTATION_HORIZON_DAYS + " days.");
    }

    /** A card listing keys, each linked to its page with what is due to it. */
    private static Component keyListCard(String heading, String id, List<KeyMetadata> keys,
                                         Function<KeyMetadata, String> due, String whenEmpty) {
        VerticalLayout list = new VerticalLayout();
        list.setId(id);
        list.setPadding(false);
        list.setSpacing(false);
        keys.forEach(key -> list.add(new HorizontalLayout(keyLink(key), new Span(due.apply(key)))));
        if (keys.isEmpty()) {
            list.add(new Paragraph(whenEmpty));
        }
        return card(heading, list);
    }

    private Component activityCard(AuditActivity activity, boolean day) {
        long total = activity.buckets().stream().mapToLong(AuditActivity.Count::total).sum();
        long refused = activity.buckets().stream().mapToLong(AuditActivity.Count::refused).sum();
        Span summary = new Span(total + " requests, " + refused + " refused" + (activity.truncated()
                ? " (the newest " + AuditActivity.MAX_RECORDS + " of the period)" : ""));
        summary.setId("overview-activity-summary");
        DateTimeFormatter format = day ? DAY : TIME;
        long end = activity.fromMillis() + activity.bucketMillis() * activity.buckets().size();
        return card("Requests", range, summary,
                SvgChart.timeline("overview-activity", "Requests and refusals over time", activity,
                        format.format(Instant.ofEpochMilli(activity.fromMillis())) + " UTC",
                        format.format(Instant.ofEpochMilli(end)) + " UTC"),
                new SubHeading("Busiest actions"), SvgChart.bars("overview-top-actions", "Busiest actions", named(activity.actions())),
                new SubHeading("Busiest keys"), SvgChart.bars("overview-top-keys", "Busiest keys", named(activity.keys())));
    }

    private static List<SvgChart.Bar> named(List<AuditActivity.Named> counts) {
        return counts.stream().map(named -> new SvgChart.Bar(named.name(), named.count().allowed(), named.count().refused())).toList();
    }

    private Component auditCard() {
        verification.setId("overview-verification");
        Button verify = new Button("Verify chain", VaadinIcon.CHECK_CIRCLE.create(), click -> verify());
        verify.setId("overview-verify");
        return card("Audit trail", new Paragraph("Checks every signed checkpoint, segment and record of the trail."),
                verify, verification);
    }

    private void verify() {
        try {
            ChainVerification result = gate.call("VerifyAuditChain", null,
                    (kms, caller) -> kms.auditTrail().verify(caller, false, null));
            verification.setText(result.intact() ? "Intact: " + result.recordsChecked() + " records checked"
                    : "Broken: " + result.problem());
            verification.getStyle().set("color", result.intact() ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
        } catch (KmsException e) {
            Notifications.error(e.getMessage());
        }
    }

    private Component tokenCard(TokenOverview token) {
        Span facts = new Span("Backend " + token.backend() + ", token " + token.tokenLabel() + ", domain key version "
                + token.activeDomainKeyVersion() + (token.awaitingRewrap() > 0 ? ", " + token.awaitingRewrap()
                + " key versions still wrapped under an older one" : ""));
        facts.setId("overview-token");
        return card("Token", facts);
    }

    private static RouterLink keyLink(KeyMetadata key) {
        RouterLink link = new RouterLink(key.alias().isEmpty() ? key.keyId() : key.alias(), KeyDetailsView.class,
                new RouteParameters("keyId", key.keyId()));
        link.getStyle().set("min-width", "12rem");
        return link;
    }

    /** "6 days 23 h", "5 h 12 min", "now". */
    static String countdown(long seconds) {
        if (seconds <= 0) {
            return "moments";
        }
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3_600;
        long minutes = seconds % 3_600 / 60;
        return days > 0 ? days + (days == 1 ? " day " : " days ") + hours + " h"
                : hours > 0 ? hours + " h " + minutes + " min" : Math.max(1, minutes) + " min";
    }

    private static Div card(String heading, Component... content) {
        Div card = new Div();
        card.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "var(--lumo-space-m)").set("min-width", "20rem").set("flex", "1 1 24rem");
        H2 title = new H2(heading);
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin-top", "0");
        card.add(title);
        card.add(content);
        return card;
    }

    /** A sub-heading inside a card. */
    private static final class SubHeading extends com.vaadin.flow.component.html.H3 {
        private static final long serialVersionUID = 1L;

        SubHeading(String text) {
            super(text);
            getStyle().set("font-size", "var(--lumo-font-size-m)");
        }
    }
}

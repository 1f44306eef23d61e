package org.selfkms.console.keys.byok;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.key.ImportParameters;
import org.selfkms.api.key.KeyMetadata;
import org.selfkms.console.feedback.Notifications;
import org.selfkms.console.gate.ConsoleGate;
import org.selfkms.console.keys.UnixTime;
import org.selfkms.console.share.CopyButton;
import org.selfkms.console.share.DownloadButton;

/**
 * Bring your own key in three steps, as the API does it: get a wrapping public key and an import token
 * (GetParametersForImport), wrap the 256-bit material outside the KMS, upload the wrapped material with its
 * expiry (ImportKeyMaterial). The material never reaches the console unwrapped; the service decides every rule
 * (algorithm, token validity, material length, expiry) and its refusal is shown as it is.
 */
public final class ImportMaterialDialog extends Dialog {

    private static final long serialVersionUID = 1L;
    /** Wrapped material is one RSA-2048 block (256 bytes); anything much larger is not it. */
    private static final int MAX_UPLOAD_BYTES = 4096;
    private static final String NEVER = "Never expires";
    private static final String ON_DATE = "Expires on a date";

    private final ConsoleGate gate;
    private final KeyMetadata key;
    private final Runnable onImported;
    private final Select<String> algorithm = new Select<>();
    private final VerticalLayout wrapStep = new VerticalLayout();
    private final VerticalLayout uploadStep = new VerticalLayout();
    private final TextArea publicKey = new TextArea("Wrapping public key (PEM)");
    private final TextArea importToken = new TextArea("Import token");
    private final Span validity = new Span();
    private final Pre command = new Pre();
    private final TextArea pasted = new TextArea("...or paste it in Base64");
    private final Span uploaded = new Span();
    private final RadioButtonGroup<String> expiry = new RadioButtonGroup<>("Key material expiry", NEVER, ON_DATE);
    private final DatePicker expiryDate = new DatePicker("Expires on (UTC)");
    private volatile byte[] uploadedMaterial;
    private ImportParameters parameters;

    public ImportMaterialDialog(ConsoleGate gate, KeyMetadata key, Runnable onImported) {
        this.gate = gate;
        this.key = key;
        this.onImported = onImported;
        setId("import-wizard");
        setHeaderTitle("Import key material for " + key.alias());
        setWidth("46rem");
        // the import token is shown once per request for parameters: a stray click must not lose it
        setCloseOnOutsideClick(false);

        algorithm.setId("import-wrapping-algorithm");
        algorithm.setLabel("Wrapping algorithm");
        algorithm.setItems("RSAES_OAEP_SHA_256", "RSAES_OAEP_SHA_1", "RSAES_PKCS1_V1_5");
        algorithm.setItemLabelGenerator(ImportMaterialDialog::algorithmLabel);
        algorithm.setValue("RSAES_OAEP_SHA_256");
        algorithm.setWidth("20rem");
        Button getParameters = new Button("Get wrapping key and token", click -> requestParameters());
        getParameters.setId("import-get-parameters");
        getParameters.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout firstStep = new HorizontalLayout(algorithm, getParameters);
        firstStep.setAlignItems(FlexComponent.Alignment.BASELINE);

        buildWrapStep();
        buildUploadStep();
        wrapStep.setPadding(false);
        uploadStep.setPadding(false);
        wrapStep.setVisible(false);
        uploadStep.setVisible(false);
        add(step("1. Get a wrapping key", new Paragraph("The token makes an RSA-2048 key pair for this import; its private"
                + " key never leaves the token. The wrapping key and the token are valid for 24 hours."), firstStep),
                wrapStep, uploadStep);

        Button cancel = new Button("Close", click -> close());
        cancel.setId("import-cancel");
        getFooter().add(cancel);
    }

    private void buildWrapStep() {
        publicKey.setId("import-public-key");
        publicKey.setReadOnly(true);
        publicKey.setWidthFull();
        importToken.setId("import-token");
        importToken.setReadOnly(true);
        importToken.setWidthFull();
        validity.setId("import-valid-until");
        command.setId("import-openssl-command");
        command.getStyle().set("white-space", "pre-wrap").set("font-size", "var(--lumo-font-size-s)");
        String id = key.keyId();
        wrapStep.add(step("2. Wrap your key material", new Paragraph("Download both, then wrap your 32-byte AES-256 key"
                        + " with the public key outside the KMS, for example with OpenSSL:"), command,
                publicKey, actions(new CopyButton("import-public-key-copy", "Wrapping public key", publicKey::getValue),
                        new DownloadButton("import-public-key-download", "Download", "wrapping-key-" + id + ".pem",
                                () -> publicKey.getValue().getBytes(StandardCharsets.US_ASCII))),
                importToken, actions(new CopyButton("import-token-copy", "Import token", importToken::getValue),
                        new DownloadButton("import-token-download", "Download", "import-token-" + id + ".txt",
                                () -> importToken.getValue().getBytes(StandardCharsets.US_ASCII))),
                validity));
    }

    private void buildUploadStep() {
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> uploadedMaterial = bytes));
        upload.setId("import-material-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_UPLOAD_BYTES);
        upload.setDropAllowed(true);
        upload.addFileRejectedListener(rejected -> Notifications.error(rejected.getErrorMessage()));
        upload.addFileRemovedListener(removed -> uploadedMaterial = null);
        uploaded.setId("import-material-uploaded");
        pasted.setId("import-material-base64");
        pasted.setWidthFull();
        pasted.setMaxLength(8192);
        expiry.setId("import-expiry");
        expiry.setValue(NEVER);
        expiryDate.setId("import-valid-to");
        expiryDate.setMin(LocalDate.now(ZoneOffset.UTC).plusDays(1));
        expiryDate.setVisible(false);
        expiry.addValueChangeListener(change -> expiryDate.setVisible(ON_DATE.equals(change.getValue())));
        expiryDate.setHelperText("At 00:00 UTC of that day the key returns to Pending import until the same material is imported again");
        Button submit = new Button("Import", click -> submit());
        submit.setId("import-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        uploadStep.add(step("3. Upload the wrapped material", new Paragraph("Upload the wrapped file (for example"
                + " wrapped-material.bin) or paste it in Base64."), upload, uploaded, pasted, expiry, expiryDate, submit));
    }

    private void requestParameters() {
        try {
            parameters = gate.call("GetParametersForImport", key.keyId(), (kms, caller) -> kms.imports()
                    .getParametersForImport(caller, key.keyId(), algorithm.getValue(), "RSA_2048"));
        } catch (KmsException e) {
            Notifications.error(e.getMessage());
            return;
        }
        publicKey.setValue(parameters.publicKeyPem());
        importToken.setValue(parameters.importToken());
        validity.setText("Valid until " + UnixTime.formatUtc(parameters.validTo()) + " UTC; asking again makes a new pair");
        command.setText(opensslCommand(algorithm.getValue()));
        algorithm.setReadOnly(true);
        wrapStep.setVisible(true);
        uploadStep.setVisible(true);
    }

    private void submit() {
        byte[] material;
        if (!pasted.getValue().isBlank()) {
            try {
                material = Base64.getMimeDecoder().decode(pasted.getValue().strip());
            } catch (IllegalArgumentException e) {
                pasted.setErrorMessage("This is not Base64");
                pasted.setInvalid(true);
                return;
            }
        } else if (uploadedMaterial != null) {
            material = uploadedMaterial;
        } else {
            Notifications.error("Upload the wrapped material or paste it first");
            return;
        }
        pasted.setInvalid(false);
        long validTo = ON_DATE.equals(expiry.getValue()) && expiryDate.getValue() != null
                ? expiryDate.getValue().atStartOfDay(ZoneOffset.UTC).toEpochSecond() : 0;
        if (ON_DATE.equals(expiry.getValue()) && validTo == 0) {
            expiryDate.setErrorMessage("Choose the day the material expires");
            expiryDate.setInvalid(true);
            return;
        }
        try {
            gate.call("ImportKeyMaterial", key.keyId(), (kms, caller) -> kms.imports()
                    .importKeyMaterial(caller, key.keyId(), parameters.importToken(), material, validTo));
        } catch (KmsException e) {
            Notifications.error(e.getMessage());
            return;
        }
        Notifications.success("Key material imported: the key is enabled");
        close();
        onImported.run();
    }

    static String opensslCommand(String algorithm) {
        String padding = switch (algorithm) {
            case "RSAES_OAEP_SHA_256" -> "-pkeyopt rsa_padding_mode:oaep -pkeyopt rsa_oaep_md:sha256 -pkeyopt rsa_mgf1_md:sha256";
            case "RSAES_OAEP_SHA_1" -> "-pkeyopt rsa_padding_mode:oaep -pkeyopt rsa_oaep_md:sha1";
            default -> "-pkeyopt rsa_padding_mode:pkcs1";
        };
        return "openssl rand -out key-material.bin 32    # or your own 32-byte key\n"
                + "openssl pkeyutl -encrypt -pubin -inkey wrapping-key.pem -in key-material.bin \\\n  " + padding
                + " -out wrapped-material.bin";
    }

    private static String algorithmLabel(String algorithm) {
        return switch (algorithm) {
            case "RSAES_OAEP_SHA_256" -> "RSA-OAEP with SHA-256 (recommended)";
            case "RSAES_OAEP_SHA_1" -> "RSA-OAEP with SHA-1";
            default -> "RSA PKCS#1 v1.5";
        };
    }

    private static HorizontalLayout actions(Component... buttons) {
        HorizontalLayout row = new HorizontalLayout(buttons);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        return row;
    }

    private static VerticalLayout step(String title, Component... content) {
        VerticalLayout step = new VerticalLayout();
        step.setPadding(false);
        H3 heading = new H3(title);
        heading.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        step.add(heading);
        step.add(content);
        return step;
    }
}

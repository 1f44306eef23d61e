package org.selfkms.rest.tencent;

import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.settings.Setting;
import org.selfkms.settings.Settings;

import java.util.Arrays;
import java.util.List;

/**
 * The regions the Tencent door answers for (setting {@code kms.regions}, KMS_REGIONS; default ap-guangzhou).
 * Keys are not kept per region: the list only tells clients which region names reach this server, and a
 * client configured for another region learns so at once instead of talking to the wrong KMS.
 */
final class ServedRegions {

    private ServedRegions() {
    }

    static List<String> all() {
        List<String> regions = Arrays.stream(Settings.server().string(Setting.REGIONS, "ap-guangzhou").split(","))
                .map(String::trim).filter(r -> !r.isEmpty()).toList();
        return regions.isEmpty() ? List.of("ap-guangzhou") : regions;
    }

    /** No X-TC-Region (or an empty one) is accepted: the SDK leaves it out when built without a region. */
    static void check(String requested) {
        if (requested != null && !requested.isEmpty() && !all().contains(requested)) {
            throw new KmsException(KmsErrorCode.UNSUPPORTED_REGION, "This server serves the regions " + String.join(", ", all()));
        }
    }
}

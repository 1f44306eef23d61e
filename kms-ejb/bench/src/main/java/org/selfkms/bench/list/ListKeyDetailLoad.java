package org.selfkms.bench.list;

import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.kms.v20190118.KmsClient;
import com.tencentcloudapi.kms.v20190118.models.ListKeyDetailRequest;
import com.tencentcloudapi.kms.v20190118.models.ListKeyDetailResponse;
import com.tencentcloudapi.kms.v20190118.models.TagFilter;

import java.util.Arrays;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Calls ListKeyDetail through the official Tencent SDK against a running server, one request at a time,
 * and prints the latency percentiles of each kind of listing: what a client waits, signature check,
 * JSON and HTTP on loopback included. Each kind first runs {@code warm-up} unmeasured requests.
 *
 * <p>Arguments: endpoint (host:port), SecretId, requests per kind, warm-up requests per kind. The SecretKey
 * comes from the environment variable {@code KMS_BENCH_SECRET_KEY}, so that it shows in no process list.
 */
public final class ListKeyDetailLoad {

    static final long PAGE = 20;

    /** One kind of listing; the request may depend on the tenant's TotalCount (for the middle and last page). */
    record Kind(String name, LongFunction<ListKeyDetailRequest> request) {
    }

    private ListKeyDetailLoad() {
    }

    public static void main(String[] args) throws TencentCloudSDKException {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: ListKeyDetailLoad <host:port> <secret-id> <requests> <warm-up>");
        }
        KmsClient kms = client(args[0], args[1], System.getenv("KMS_BENCH_SECRET_KEY"));
        int requests = Integer.parseInt(args[2]);
        int warmUp = Integer.parseInt(args[3]);
        long total = kms.ListKeyDetail(page(0)).getTotalCount();
        System.out.printf("%-22s %8s %8s %8s %8s %10s%n", "kind", "p50 ms", "p95 ms", "max ms", "keys", "TotalCount");
        for (Kind kind : kinds()) {
            ListKeyDetailRequest request = kind.request().apply(total);
            for (int i = 0; i < warmUp; i++) {
                kms.ListKeyDetail(request);
            }
            long[] nanos = new long[requests];
            ListKeyDetailResponse last = null;
            for (int i = 0; i < requests; i++) {
                long start = System.nanoTime();
                last = kms.ListKeyDetail(request);
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            System.out.printf("%-22s %8.2f %8.2f %8.2f %8d %10d%n", kind.name(), millis(percentile(nanos, 50)),
                    millis(percentile(nanos, 95)), millis(nanos[nanos.length - 1]), last.getKeyMetadatas().length,
                    last.getTotalCount());
        }
    }

    static List<Kind> kinds() {
        return List.of(
                new Kind("first page", total -> page(0)),
                new Kind("middle page", total -> page(total / 2)),
                new Kind("last page", total -> page(Math.max(0, total - PAGE))),
                new Kind("state Enabled", total -> {
                    ListKeyDetailRequest request = page(0);
                    request.setKeyState(1L);
                    return request;
                }),
                new Kind("state Disabled", total -> {
                    ListKeyDetailRequest request = page(0);
                    request.setKeyState(2L);
                    return request;
                }),
                new Kind("search alias", total -> {
                    ListKeyDetailRequest request = page(0);
                    request.setSearchKeyAlias("0421");
                    return request;
                }),
                new Kind("tag team=payments", total -> tagged("team", "payments")),
                new Kind("tag env=prod", total -> tagged("env", "prod")));
    }

    private static ListKeyDetailRequest tagged(String key, String value) {
        TagFilter filter = new TagFilter();
        filter.setTagKey(key);
        filter.setTagValue(new String[]{value});
        ListKeyDetailRequest request = page(0);
        request.setTagFilters(new TagFilter[]{filter});
        return request;
    }

    private static ListKeyDetailRequest page(long offset) {
        ListKeyDetailRequest request = new ListKeyDetailRequest();
        request.setOffset(offset);
        request.setLimit(PAGE);
        return request;
    }

    /** Nearest-rank percentile of sorted values. */
    static long percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static KmsClient client(String endpoint, String secretId, String secretKey) {
        if (secretKey == null || secretKey.isEmpty()) {
            throw new IllegalStateException("KMS_BENCH_SECRET_KEY is not set");
        }
        HttpProfile http = new HttpProfile();
        http.setEndpoint(endpoint);
        http.setProtocol("http://");
        ClientProfile profile = new ClientProfile();
        profile.setHttpProfile(http);
        return new KmsClient(new Credential(secretId, secretKey), "ap-guangzhou", profile);
    }
}

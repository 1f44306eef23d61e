package org.selfkms.api.datakey;

import jakarta.ejb.Local;
import org.selfkms.api.crypto.Plaintext;
import org.selfkms.api.identity.Caller;

import java.util.List;

/**
 * Data keys the KMS keeps for the caller (Tencent's hosted data keys): each is stored only as a blob under its
 * root CMK, so the root key's state and policy govern every use of it, and deleting the root deletes them.
 * Failures are {@link org.selfkms.api.error.KmsException}s. Data-key ids are UUIDs; names are unique in a tenant.
 */
@Local
public interface HostedDataKeys {

    int MAX_NAME_CHARS = 60;
    int MAX_DESCRIPTION_BYTES = 100;
    int MAX_BATCH = 100;
    int MAX_PAGE = 200;

    /** Generates a data key under the CMK, hosts it and returns its plaintext once. */
    GeneratedDataKey generate(Caller caller, NewDataKey request);

    /** Hosts a data key the caller has (see {@link DataKeyImport}); the plaintext given is erased. */
    DataKeyMetadata importDataKey(Caller caller, DataKeyImport request);

    DataKeyMetadata describe(Caller caller, String dataKeyId);

    /** Up to {@value #MAX_BATCH} distinct ids; every one must exist. */
    List<DataKeyMetadata> describe(Caller caller, List<String> dataKeyIds);

    DataKeyPage list(Caller caller, DataKeyQuery query);

    /** Up to {@value #MAX_BATCH} distinct ids, all or none. */
    void enable(Caller caller, List<String> dataKeyIds);

    /** Up to {@value #MAX_BATCH} distinct ids, all or none. */
    void disable(Caller caller, List<String> dataKeyIds);

    /** Only a disabled data key; it is destroyed after 7 to 30 days. @return the deletion date, Unix seconds */
    long scheduleDeletion(Caller caller, String dataKeyId, int pendingWindowInDays);

    /** The data key comes back disabled. */
    void cancelDeletion(Caller caller, String dataKeyId);

    /** The stored blob under the root CMK (an enabled data key only); Decrypt opens it with the data key's context. */
    String ciphertextBlob(Caller caller, String dataKeyId);

    /** The data key in plaintext: the data key enabled, and the root CMK able to decrypt for the caller. */
    Plaintext plaintext(Caller caller, String dataKeyId);

    void rename(Caller caller, String dataKeyId, String name);

    void updateDescription(Caller caller, String dataKeyId, String description);

    DataKeyQuota quota(Caller caller);
}

package org.selfkms.api.key;

import java.io.Serializable;
import java.util.List;

/**
 * The key usages CreateKey offers when the caller does not choose a protection level (the Tencent door never
 * does), grouped as ListAlgorithms shows them.
 */
public record SupportedAlgorithms(List<AlgorithmInfo> symmetric, List<AlgorithmInfo> asymmetric,
                                  List<AlgorithmInfo> signVerify) implements Serializable {
}

package org.selfkms.api.key;

import java.io.Serializable;

/** One line of ListAlgorithms: a key usage and the name Tencent gives its algorithm. */
public record AlgorithmInfo(String algorithm, KeyUsage usage) implements Serializable {
}

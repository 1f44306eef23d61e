package org.selfkms.token.keypair;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

import java.math.BigInteger;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.util.Map;
import java.util.Optional;

/** The three named curves of the EC specs, by OID and by JCA parameters (of a JDK, BC or PKCS#11 key). */
final class Curves {

    static final Map<ASN1ObjectIdentifier, KeyPairSpec> BY_OID = Map.of(
            X9ObjectIdentifiers.prime256v1, KeyPairSpec.EC_P256,
            SECObjectIdentifiers.secp384r1, KeyPairSpec.EC_P384,
            GMObjectIdentifiers.sm2p256v1, KeyPairSpec.SM2);

    private Curves() {
    }

    /** JCA name of the curve of an EC spec. */
    static String jcaName(KeyPairSpec spec) {
        return switch (spec) {
            case EC_P256 -> "secp256r1";
            case EC_P384 -> "secp384r1";
            case SM2 -> "sm2p256v1";
            default -> throw new IllegalArgumentException(spec + " is not an elliptic-curve spec");
        };
    }

    /** Bytes of a coordinate (and of r and s) on the curve of an EC spec. */
    static int fieldBytes(KeyPairSpec spec) {
        return spec == KeyPairSpec.EC_P384 ? 48 : 32;
    }

    /** Which spec's curve these parameters describe: same prime, order and base point. */
    static Optional<KeyPairSpec> specOf(ECParameterSpec params) {
        if (params == null || !(params.getCurve().getField() instanceof ECFieldFp field)) {
            return Optional.empty();
        }
        for (Map.Entry<ASN1ObjectIdentifier, KeyPairSpec> curve : BY_OID.entrySet()) {
            X9ECParameters named = ECNamedCurveTable.getByOID(curve.getKey());
            BigInteger p = named.getCurve().getField().getCharacteristic();
            if (field.getP().equals(p) && params.getOrder().equals(named.getN())
                    && params.getGenerator().getAffineX().equals(named.getG().normalize().getAffineXCoord().toBigInteger())
                    && params.getGenerator().getAffineY().equals(named.getG().normalize().getAffineYCoord().toBigInteger())) {
                return Optional.of(curve.getValue());
            }
        }
        return Optional.empty();
    }
}

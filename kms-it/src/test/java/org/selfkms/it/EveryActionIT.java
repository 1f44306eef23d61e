package org.selfkms.it;

import com.tencentcloudapi.common.AbstractModel;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.kms.v20190118.KmsClient;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every action of the official Java SDK's KmsClient reaches a handler of its own (docs/api.md, "Actions served"):
 * each is called with an empty request, which a served action answers (a listing) or refuses for a missing field,
 * never with UnsupportedOperation or InvalidAction. Only the white-box actions are refused, by decision.
 */
@org.junit.jupiter.api.Tag("clients")
class EveryActionIT extends DeployedKms {

    private static final Set<String> WHITE_BOX = Set.of("CreateWhiteBoxKey", "DeleteWhiteBoxKey", "DescribeWhiteBoxKey",
            "DescribeWhiteBoxKeyDetails", "DescribeWhiteBoxDecryptKey", "DescribeWhiteBoxDeviceFingerprints",
            "DescribeWhiteBoxServiceStatus", "EnableWhiteBoxKey", "EnableWhiteBoxKeys", "DisableWhiteBoxKey",
            "DisableWhiteBoxKeys", "EncryptByWhiteBox", "OverwriteWhiteBoxDeviceFingerprints");

    @Test
    void everyActionButTheWhiteBoxOnesIsServed() throws Exception {
        KmsClient kms = kms();
        List<Method> actions = Arrays.stream(KmsClient.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && m.getParameterCount() == 1
                        && AbstractModel.class.isAssignableFrom(m.getParameterTypes()[0]))
                .sorted((a, b) -> a.getName().compareTo(b.getName())).toList();
        List<String> served = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (Method action : actions) {
            String code = codeOf(kms, action);
            boolean unsupported = code.startsWith("UnsupportedOperation") && !code.equals("UnsupportedOperation.NotRoleOperation")
                    || code.equals("InvalidAction");
            (unsupported ? refused : served).add(action.getName() + (code.isEmpty() ? "" : " " + code));
        }
        assertEquals(68, actions.size(), "the SDK's KmsClient of the pinned version has 68 actions");
        assertEquals(55, served.size(), "served: " + served + "\nrefused: " + refused);
        assertTrue(refused.stream().allMatch(r -> WHITE_BOX.contains(r.split(" ")[0])), "only white-box actions are refused: " + refused);
    }

    /** The error code an empty request gets, or "" if it is answered. */
    private static String codeOf(KmsClient kms, Method action) throws Exception {
        try {
            action.invoke(kms, action.getParameterTypes()[0].getConstructor().newInstance());
            return "";
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof TencentCloudSDKException refused) {
                return refused.getErrorCode() == null ? "" : refused.getErrorCode();
            }
            throw e;
        }
    }
}

package org.selfkms.rest.tencent;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.io.StringReader;
import java.util.Map;

/**
 * {@code X-TC-Language: zh-CN} (the SDK's {@code ClientProfile.setLanguage(Language.ZH_CN)}): the error message in
 * Chinese, as Tencent answers, for the common error codes; other codes, and every other language, keep the English
 * message the service wrote. The code and the RequestId are never changed: clients branch on the code.
 */
@Provider
public class ChineseMessages implements ContainerResponseFilter {

    static final String HEADER = "X-TC-Language";

    private static final Map<String, String> MESSAGES = Map.ofEntries(
            Map.entry("AuthFailure", "认证失败。"),
            Map.entry("AuthFailure.InvalidAuthorization", "请求头部的 Authorization 不符合腾讯云标准。"),
            Map.entry("AuthFailure.SignatureExpire", "签名过期。Timestamp 和服务器时间相差不得超过五分钟。"),
            Map.entry("AuthFailure.SignatureFailure", "签名错误。"),
            Map.entry("AuthFailure.UnauthorizedOperation", "请求未授权。"),
            Map.entry("UnauthorizedOperation", "未授权操作。"),
            Map.entry("InvalidAction", "接口不存在。"),
            Map.entry("InvalidParameter", "参数错误。"),
            Map.entry("InvalidParameterValue", "参数取值错误。"),
            Map.entry("InvalidParameterValue.InvalidKeyId", "KeyId 不合法。"),
            Map.entry("InvalidParameterValue.InvalidCiphertext", "密文格式错误。"),
            Map.entry("InvalidParameterValue.InvalidPlaintext", "明文不合法。"),
            Map.entry("InvalidParameterValue.AliasAlreadyExists", "别名已经存在。"),
            Map.entry("InvalidParameterValue.InvalidAlias", "别名格式错误。"),
            Map.entry("InvalidParameter.DecryptMaterialError", "解密 EncryptedKeyMaterial 失败。"),
            Map.entry("MissingParameter", "缺少参数错误。"),
            Map.entry("ResourceUnavailable.CmkNotFound", "CMK 不存在。"),
            Map.entry("ResourceUnavailable.CmkDisabled", "CMK 已被禁用。"),
            Map.entry("ResourceUnavailable.CmkArchived", "CMK 已归档。"),
            Map.entry("ResourceUnavailable.CmkStateNotSupport", "当前 CMK 状态不支持该操作。"),
            Map.entry("ResourceUnavailable.CmkShouldBeDisabled", "CMK 只有在禁用状态下才能计划删除。"),
            Map.entry("ResourceUnavailable.CmkNotPendingDelete", "CMK 不处于计划删除状态。"),
            Map.entry("ResourceUnavailable.KeyPendingDelete", "密钥已计划删除。"),
            Map.entry("FailedOperation.DecryptError", "解密失败。"),
            Map.entry("UnsupportedOperation", "操作不支持。"),
            Map.entry("UnsupportedProtocol", "HTTP(S) 请求协议错误，只支持 POST 请求。"),
            Map.entry("UnsupportedRegion", "接口不支持所传地域。"),
            Map.entry("RequestSizeLimitExceeded", "请求包超过限制大小。"),
            Map.entry("RequestLimitExceeded", "请求的次数超过了频率限制。"),
            Map.entry("InternalError", "内部错误。"));

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String language = request.getHeaderString(HEADER);
        if (!"zh-CN".equalsIgnoreCase(language == null ? "" : language.strip())
                || !(response.getEntity() instanceof String body) || !body.contains("\"Error\"")) {
            return;
        }
        JsonObject answer = Json.createReader(new StringReader(body)).readObject().getJsonObject("Response");
        JsonObject error = answer == null ? null : answer.getJsonObject("Error");
        String chinese = error == null ? null : MESSAGES.get(error.getString("Code", ""));
        if (chinese == null) {
            return;
        }
        String requestId = answer.getString("RequestId", "");
        // an internal error still names the RequestId to quote to the operator
        String message = "InternalError".equals(error.getString("Code")) ? chinese + "请向运营方提供 RequestId " + requestId + "。" : chinese;
        response.setEntity(TencentJson.error(requestId, error.getString("Code"), message));
    }
}

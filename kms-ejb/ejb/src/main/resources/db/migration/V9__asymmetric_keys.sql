-- Key pairs: the public key sits with the CMK (not secret, read by GetPublicKey and every verification);
-- the private key is a version's wrapped material (SOFTWARE, at most about 2,450 characters for RSA 3072;
-- ML-KEM and ML-DSA keys are kept in their short seed form) or a token key (HSM). An ML-DSA-65 public key
-- is 1,974 bytes, 2,632 characters of base64.
ALTER TABLE kms_cmk ADD COLUMN public_key VARCHAR(4000);

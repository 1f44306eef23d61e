-- Key pairs: the public key sits with the CMK (not secret, read by GetPublicKey and every verification);
-- the private key is a version's wrapped material (SOFTWARE) or a token key (HSM). A wrapped ML-DSA-65
-- private key in PKCS#8 is several kilobytes, so the material column grows.
ALTER TABLE kms_cmk ADD COLUMN public_key VARCHAR(4000);
ALTER TABLE kms_cmk_version ALTER COLUMN wrapped_material SET DATA TYPE VARCHAR(16000);

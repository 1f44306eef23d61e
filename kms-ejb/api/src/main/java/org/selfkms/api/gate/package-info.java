/**
 * The request gate: the single interface through which the doors (the Tencent API, the REST API, the console)
 * reach the KMS, one call per request, so that every request is authenticated, served and audited in one place.
 */
package org.selfkms.api.gate;

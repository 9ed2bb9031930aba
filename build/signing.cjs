// Code signing for `npm run dist`, from the environment only (no secret ever in the repository).
// Skipped when nothing is set: the installer is then unsigned (fine for a test build, not for
// the laptops: SmartScreen warns and AppLocker may block it). See docs/desktop.md.
//   CSC_LINK + CSC_KEY_PASSWORD     a .pfx file (path or base64) and its password: electron-builder
//                                   reads these itself (WIN_CSC_LINK / WIN_CSC_KEY_PASSWORD too)
//   CASELOAD_SIGN_SUBJECT           subject name of a certificate in the Windows certificate store
//   CASELOAD_SIGN_SHA1              or its thumbprint (smart card / HSM token, no file)
//   CASELOAD_SIGN_TIMESTAMP_URL     RFC 3161 timestamp server (default: electron-builder's)
//   CASELOAD_REQUIRE_SIGNING=1      fail the build instead of producing an unsigned installer
/* global module */

/** @param {NodeJS.ProcessEnv} env */
function signingConfig(env) {
  /** @type {Record<string, unknown>} */
  const signtool = {};
  if (env.CASELOAD_SIGN_SUBJECT) signtool.certificateSubjectName = env.CASELOAD_SIGN_SUBJECT;
  if (env.CASELOAD_SIGN_SHA1) signtool.certificateSha1 = env.CASELOAD_SIGN_SHA1;
  if (env.CASELOAD_SIGN_TIMESTAMP_URL) signtool.rfc3161TimeStampServer = env.CASELOAD_SIGN_TIMESTAMP_URL;
  const hasCertificate = Boolean(
    env.CSC_LINK || env.WIN_CSC_LINK || signtool.certificateSubjectName || signtool.certificateSha1,
  );
  return {
    /** True when a certificate is configured (electron-builder signs); false = unsigned build. */
    signs: hasCertificate,
    forceCodeSigning: env.CASELOAD_REQUIRE_SIGNING === '1',
    signtoolOptions: Object.keys(signtool).length ? { ...signtool, signingHashAlgorithms: ['sha256'] } : undefined,
  };
}

module.exports = { signingConfig };

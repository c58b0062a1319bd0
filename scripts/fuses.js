// electron-builder's afterPack hook (package.json "build.afterPack"): flip Electron's fuses in a
// release build, before it is signed, with @electron/fuses as pinned in devDependencies. A
// packaged Wiredesk cannot be run as plain Node, takes no NODE_OPTIONS or --inspect, loads its
// code only from its (integrity-checked) asar, and encrypts its cookies.
import { FuseV1Options, FuseVersion, flipFuses } from '@electron/fuses';
import path from 'node:path';

export const RELEASE_FUSES = {
  version: FuseVersion.V1,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.EnableCookieEncryption]: true,
};

/** electron-builder's Arch.arm64. */
const ARM64 = 3;

/** The packed Electron executable, named as electron-builder names it (the .app bundle on macOS). */
export function packedElectron({ appOutDir, electronPlatformName, packager }) {
  const name = electronPlatformName === 'linux' ? packager.executableName : packager.appInfo.productFilename;
  const ext = { darwin: '.app', mas: '.app', win32: '.exe', linux: '' }[electronPlatformName];
  if (ext === undefined) throw new Error(`Wiredesk has no fuse set-up for platform ${electronPlatformName}`);
  return path.join(appOutDir, `${name}${ext}`);
}

export async function afterPack(context) {
  const isMac = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  await flipFuses(packedElectron(context), {
    ...RELEASE_FUSES,
    // Flipping a fuse breaks an arm64 Mac binary's ad-hoc signature; re-sign it ad hoc (a real
    // identity signs it again afterwards).
    resetAdHocDarwinSignature: isMac && context.arch === ARM64,
  });
}

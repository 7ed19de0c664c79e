/**
 * Why a dropped path is refused before anything reads it, or undefined if it may be read.
 *
 * A drop hands main whatever path the renderer sends. A network (UNC) path makes Windows
 * connect to another machine, sending the member's credentials with it (NTLM), and a device
 * path (`\\?\`, `\\.\`, `\??\`) reaches past the normal file-name rules to devices and raw
 * volumes. Neither is ever the way a councillor's board papers arrive by drag and drop, so
 * main refuses both, on every platform, whichever slash they are written with.
 */
export function droppedPathProblem(filePath: string): string | undefined {
  const forward = filePath.replace(/\\/g, '/');
  if (/^\/\/[?.]\//.test(forward) || forward.startsWith('/??/')) {
    return 'is a device path (starting \\\\?\\ or \\\\.\\); Oversight reads dropped files only by their ordinary name on this computer';
  }
  if (forward.startsWith('//')) {
    return 'is on a network share (a path starting \\\\server\\share); copy the file to a folder on this computer, then drop it again';
  }
  return undefined;
}

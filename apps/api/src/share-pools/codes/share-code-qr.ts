import QRCode from 'qrcode';

/**
 * A code as a QR image. The secret is only ever in a request or response body, never in a URL (URLs reach access
 * logs, proxies and browser history), so there is no `GET …/codes/{code}/qr` route.
 */
export const qrSvg = (code: string): Promise<string> => QRCode.toString(code, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
export const qrPng = (code: string): Promise<Buffer> =>
  QRCode.toBuffer(code, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 256 });
export const qrSvgDataUrl = async (code: string): Promise<string> =>
  `data:image/svg+xml;base64,${Buffer.from(await qrSvg(code)).toString('base64')}`;

import Taro from '@tarojs/taro';
import { Canvas, Image, View } from '@tarojs/components';
import { useEffect, useMemo } from 'react';
import { create } from 'qrcode/lib/core/qrcode';
import './qr-code.css';

export interface QrMatrix {
  size: number;
  dark: (x: number, y: number) => boolean;
}

/** The module matrix for ASCII text (vouchers are ASCII), encoded as bytes so no TextEncoder is needed. */
export function qrMatrix(text: string): QrMatrix {
  const bytes = Array.from(text, (c) => c.charCodeAt(0) & 0xff);
  const { modules } = create([{ data: bytes, mode: 'byte' }], { errorCorrectionLevel: 'M' });
  return { size: modules.size, dark: (x, y) => modules.data[y * modules.size + x] === 1 };
}

const QUIET = 4; // modules of white border, as the standard asks

/** An SVG of the matrix, one path, crisp edges. */
export function qrSvgText(m: QrMatrix): string {
  const total = m.size + QUIET * 2;
  let path = '';
  for (let y = 0; y < m.size; y++) {
    for (let x = 0; x < m.size; x++) if (m.dark(x, y)) path += `M${x + QUIET} ${y + QUIET}h1v1h-1z`;
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${total} ${total}" shape-rendering="crispEdges">` +
    `<rect width="${total}" height="${total}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`
  );
}

export interface QrCodeProps {
  text: string;
  /** Shown size in px (design width 375). */
  size?: number;
  label: string;
}

let nextId = 0;

/**
 * The voucher as a QR code. H5: an SVG image. weapp: drawn on a 2d canvas (qrcode's toDataURL needs a
 * DOM canvas the mini-program does not have).
 */
/** What this draws with of WeChat's `<Canvas type="2d">` node (a subset of the DOM's canvas). */
interface CanvasNode {
  width: number;
  height: number;
  getContext(type: '2d'): Pick<CanvasRenderingContext2D, 'fillStyle' | 'fillRect'>;
}

export function QrCode({ text, size = 240, label }: QrCodeProps) {
  const matrix = useMemo(() => qrMatrix(text), [text]);
  const canvasId = useMemo(() => `qr-${++nextId}`, []);

  useEffect(() => {
    if (process.env.TARO_ENV !== 'weapp') return;
    Taro.nextTick(() => {
      Taro.createSelectorQuery()
        .select(`#${canvasId}`)
        .fields({ node: true, size: true })
        .exec((res: Array<{ node?: CanvasNode; width: number; height: number } | null>) => {
          const hit = res?.[0];
          if (!hit?.node) return;
          const canvas = hit.node;
          const ratio = Taro.getSystemInfoSync().pixelRatio || 2;
          canvas.width = hit.width * ratio;
          canvas.height = hit.height * ratio;
          const ctx = canvas.getContext('2d');
          const total = matrix.size + QUIET * 2;
          const cell = (hit.width * ratio) / total;
          ctx.fillStyle = '#fff';
          ctx.fillRect(0, 0, canvas.width, canvas.height);
          ctx.fillStyle = '#000';
          for (let y = 0; y < matrix.size; y++) {
            for (let x = 0; x < matrix.size; x++) {
              if (matrix.dark(x, y)) ctx.fillRect(Math.floor((x + QUIET) * cell), Math.floor((y + QUIET) * cell), Math.ceil(cell), Math.ceil(cell));
            }
          }
        });
    });
  }, [matrix, canvasId]);

  const style = { width: `${size}px`, height: `${size}px` };
  if (process.env.TARO_ENV === 'weapp') {
    return (
      <View className='qr' style={style}>
        <Canvas type='2d' id={canvasId} className='qr__canvas' style={style} />
      </View>
    );
  }
  const src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(qrSvgText(matrix))}`;
  return (
    <View className='qr' style={style}>
      <Image className='qr__image' src={src} style={style} mode='scaleToFill' {...{ nativeProps: { alt: label } }} />
    </View>
  );
}

import Taro from '@tarojs/taro';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import type { CameraProps } from './camera';

// H5 reads QR codes with its own camera reader, a chunk of its own fetched on the first tap;
// the mini-program has WeChat's scanCode.
const Camera = process.env.TARO_ENV === 'h5' ? lazy(() => import('./camera')) : null;

/**
 * Scanning a QR code the same way on every page that scans: `scan()` opens the H5 camera reader
 * (which the page renders as `reader`) or WeChat's scanner, and hands what it read to `onResult`.
 * A scan the user cancels hands nothing. `open` is true while the H5 reader is showing. A hook
 * that renders a component, so it lives among the components (hooks/ never imports them).
 */
export function useQrScanner(onResult: (text: string) => Promise<unknown> | void, labels: CameraProps['labels']): { scan: () => Promise<void>; reader: ReactNode; open: boolean } {
  const [open, setOpen] = useState(false);
  const scan = async () => {
    if (Camera) {
      setOpen(true);
      return;
    }
    try {
      const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      await onResult(result);
    } catch {
      // cancelled
    }
  };
  const reader =
    Camera && open ? (
      <Suspense fallback={null}>
        <Camera
          labels={labels}
          onClose={() => setOpen(false)}
          onResult={(text) => {
            setOpen(false);
            void onResult(text);
          }}
        />
      </Suspense>
    ) : null;
  return { scan, reader, open };
}

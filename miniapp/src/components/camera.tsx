// H5 only (loaded on demand by the staff scan page and the walk-in page): reads a QR code from the
// phone's camera with jsQR. WeChat uses Taro.scanCode instead, so none of this is in the mini-program.
import jsQR from 'jsqr';
import { useEffect, useRef, useState } from 'react';
import './camera.css';

export interface CameraProps {
  onResult: (text: string) => void;
  onClose: () => void;
  labels: { title: string; denied: string; close: string };
}

const FRAME_MS = 150;

export default function Camera({ onResult, onClose, labels }: CameraProps) {
  const video = useRef<HTMLVideoElement>(null);
  const [denied, setDenied] = useState(false);
  // The camera opens once; the latest callback is read through a ref so a re-render never restarts it.
  const latestOnResult = useRef(onResult);
  latestOnResult.current = onResult;

  useEffect(() => {
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const canvas = document.createElement('canvas');
    const ctx = canvas.getContext('2d', { willReadFrequently: true });

    const look = () => {
      const v = video.current;
      if (stopped || !v || !ctx) return;
      if (v.readyState >= 2 && v.videoWidth > 0) {
        canvas.width = v.videoWidth;
        canvas.height = v.videoHeight;
        ctx.drawImage(v, 0, 0);
        const image = ctx.getImageData(0, 0, canvas.width, canvas.height);
        const found = jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
        if (found?.data) {
          stopped = true;
          latestOnResult.current(found.data);
          return;
        }
      }
      timer = setTimeout(look, FRAME_MS);
    };

    void (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      } catch {
        setDenied(true);
        return;
      }
      if (stopped || !video.current) {
        stream.getTracks().forEach((t) => t.stop());
        return;
      }
      video.current.srcObject = stream;
      await video.current.play().catch(() => undefined);
      look();
    })();

    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, []);

  return (
    <div className='camera' role='dialog' aria-label={labels.title}>
      <video ref={video} className='camera__video' muted playsInline />
      <div className='camera__frame' />
      {denied && (
        <div className='camera__problem' role='alert'>
          {labels.denied}
        </div>
      )}
      <div className='btn camera__close' role='button' tabIndex={0} aria-label={labels.close} onClick={onClose}>
        {labels.close}
      </div>
    </div>
  );
}

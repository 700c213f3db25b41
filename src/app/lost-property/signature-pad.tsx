import { useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n/messages';

const width = 600;
const height = 200;
/** The domain takes at most 20,000 characters of path: stop drawing well before. */
const maxPathLength = 19_000;

/**
 * A finger signature, kept as SVG path data ("M 10 20 L 12 24 …") in a 600×200 box: small,
 * text-only, and drawn again the same on any screen. The typed confirmation is the alternative
 * for anyone who cannot sign on a phone.
 */
export function SignaturePad({ label, onChange }: { label: string; onChange: (path: string) => void }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const path = useRef('');
  const drawing = useRef(false);
  const last = useRef<{ x: number; y: number } | null>(null);

  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    context.lineWidth = 3;
    context.lineCap = 'round';
    context.strokeStyle = getComputedStyle(canvas.current!).color || '#000';
  }, []);

  const pointOf = (e: PointerEvent) => {
    const box = canvas.current!.getBoundingClientRect();
    return {
      x: Math.round(((e.clientX - box.left) / box.width) * width),
      y: Math.round(((e.clientY - box.top) / box.height) * height),
    };
  };
  const add = (command: 'M' | 'L', point: { x: number; y: number }) => {
    if (path.current.length > maxPathLength) return;
    const context = canvas.current?.getContext('2d');
    if (command === 'M') context?.beginPath();
    if (command === 'M') context?.moveTo(point.x, point.y);
    else {
      context?.lineTo(point.x, point.y);
      context?.stroke();
    }
    path.current += `${path.current ? ' ' : ''}${command} ${point.x} ${point.y}`;
    last.current = point;
    onChange(path.current);
  };
  const clear = () => {
    path.current = '';
    canvas.current?.getContext('2d')?.clearRect(0, 0, width, height);
    onChange('');
  };

  return (
    <div class="signature">
      <canvas
        ref={canvas}
        class="signature__pad"
        width={width}
        height={height}
        role="img"
        aria-label={label}
        onPointerDown={(e) => {
          drawing.current = true;
          canvas.current?.setPointerCapture(e.pointerId);
          add('M', pointOf(e));
        }}
        onPointerMove={(e) => {
          if (!drawing.current) return;
          const point = pointOf(e);
          const previous = last.current;
          // Points closer than a few pixels add length, not shape.
          if (previous && Math.abs(previous.x - point.x) + Math.abs(previous.y - point.y) < 4) return;
          add('L', point);
        }}
        onPointerUp={() => {
          drawing.current = false;
        }}
        onPointerCancel={() => {
          drawing.current = false;
        }}
      />
      <button type="button" class="button" onClick={clear}>
        {t('Clear the signature')}
      </button>
    </div>
  );
}

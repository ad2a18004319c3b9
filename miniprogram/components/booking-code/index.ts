import type { BookingCodeView } from '../../views/booking';

/** A booking code big enough to read out, over its barcode for staff to scan. */
Component({
  options: { styleIsolation: 'apply-shared' },
  properties: {
    code: { type: Object, value: { label: '', bars: [] } as BookingCodeView },
  },
});

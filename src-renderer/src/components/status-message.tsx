import { asSentence } from '../ui/report-words';

export interface Message {
  text: string;
  tone: 'info' | 'error';
}

interface StatusMessageProps {
  message: Message;
  onDismiss: () => void;
}

/** A one-line message under the header: an import that stopped, sample letters removed. */
export function StatusMessage({ message, onDismiss }: StatusMessageProps) {
  return (
    <div className={`notice notice--${message.tone}`} role={message.tone === 'error' ? 'alert' : 'status'}>
      <p className="notice-text">{asSentence(message.text)}</p>
      <button type="button" className="icon-button" aria-label="Dismiss message" title="Dismiss" onClick={onDismiss}>
        <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path d="M4 4l8 8M12 4l-8 8" />
        </svg>
      </button>
    </div>
  );
}

import { asSentence } from '../ui/report-words';
import { CrossButton } from './cross-button';

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
      <CrossButton label="Dismiss message" title="Dismiss" onClick={onDismiss} />
    </div>
  );
}

// The records server's address and this laptop's device key, and the records server's certificate
// when the council uses its own. The key field never shows a stored key back: it says whether one
// is set, and a new one typed replaces it. The certificate is public: it is shown as kept.
import { useState, type FormEvent } from 'react';
import type { SyncConfigInput } from '../../../../shared/syncApi';
import { FormError } from '../../components/FormParts';
import { syncClient, type SyncStatus } from '../../api/syncClient';

export const ServerForm = ({ status, onSaved }: { status: SyncStatus; onSaved(status: SyncStatus): void }) => {
  const [address, setAddress] = useState<string>();
  const [key, setKey] = useState('');
  const [certificate, setCertificate] = useState<string>();
  const [error, setError] = useState<{ message: string; field?: string }>();
  const [saved, setSaved] = useState('');
  const shownAddress = address ?? status.serverUrl ?? '';
  const shownCertificate = certificate ?? status.serverCertificate?.pem ?? '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved('');
    const change: SyncConfigInput = { serverUrl: shownAddress };
    if (key.trim() !== '') change.deviceKey = key;
    if (certificate !== undefined) change.serverCertificate = certificate;
    const reply = await syncClient.configure(change);
    if (!reply.ok) {
      setError({ message: reply.error.message, field: reply.error.details.field });
      return;
    }
    setError(undefined);
    setKey('');
    setAddress(undefined);
    setCertificate(undefined);
    const certificateWords = change.serverCertificate === undefined ? '' : reply.data.serverCertificate ? " The records server's certificate is kept." : " No certificate of the council's own is kept.";
    setSaved(`${change.deviceKey ? 'Saved: the address and the new device key.' : 'Saved: the address (the device key is as it was).'}${certificateWords}`);
    onSaved(reply.data);
  };

  const toggleAuto = async (autoSync: boolean) => {
    const reply = await syncClient.configure({ autoSync });
    if (!reply.ok) return setError({ message: reply.error.message });
    setSaved(autoSync ? 'Saved: Chamber syncs by itself when no meeting is in progress.' : 'Saved: Chamber syncs only when you press Sync now.');
    onSaved(reply.data);
  };

  return (
    <section className="panel" aria-labelledby="sync-server-heading">
      <h2 id="sync-server-heading">Records server</h2>
      <form className="compact-form" onSubmit={submit} aria-label="Records server" noValidate>
        <div className="field">
          <label htmlFor="sync-address">Records server address</label>
          <input
            id="sync-address"
            type="url"
            autoComplete="off"
            spellCheck={false}
            value={shownAddress}
            onChange={(e) => setAddress(e.target.value)}
            aria-invalid={error?.field === 'serverUrl' ? true : undefined}
            aria-describedby="sync-address-hint"
          />
          <p className="field__hint" id="sync-address-hint">
            From the records office, e.g. https://records.example.gov.uk.
          </p>
        </div>
        <div className="field">
          <label htmlFor="sync-key">Device key</label>
          <input
            id="sync-key"
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={key}
            onChange={(e) => setKey(e.target.value)}
            aria-invalid={error?.field === 'deviceKey' ? true : undefined}
            aria-describedby="sync-key-hint"
          />
          <p className="field__hint" id="sync-key-hint">
            {status.keySet ? 'A key is set (it is never shown). Type a new one only to replace it.' : 'No key is set yet: type the one the records office gave this laptop.'}
          </p>
        </div>
        <div className="field">
          <label htmlFor="sync-certificate">Records server&rsquo;s certificate (PEM), if the council uses its own</label>
          <textarea
            id="sync-certificate"
            className="sync-certificate"
            rows={4}
            spellCheck={false}
            autoComplete="off"
            value={shownCertificate}
            onChange={(e) => setCertificate(e.target.value)}
            aria-invalid={error?.field === 'serverCertificate' ? true : undefined}
            aria-describedby="sync-certificate-hint"
          />
          <p className="field__hint sync-certificate-hint" id="sync-certificate-hint">
            {status.serverCertificate?.words ?? 'Leave empty unless the records office gives one: the usual authorities are trusted already. It is trusted for this server only.'}
          </p>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary">
            Save <kbd>Enter</kbd>
          </button>
        </div>
        <FormError message={error?.message} />
      </form>
      <div className="field field--check sync-auto">
        <input id="sync-auto" type="checkbox" checked={status.autoSync} onChange={(e) => void toggleAuto(e.target.checked)} aria-describedby="sync-auto-hint" />
        <label htmlFor="sync-auto">Sync by itself when the records server can be reached and no meeting is in progress</label>
      </div>
      <p className="field__hint" id="sync-auto-hint">
        Off unless you turn it on. It never runs during a meeting; Sync now works at any time no division is open.
      </p>
      <p aria-live="polite">{saved}</p>
    </section>
  );
};

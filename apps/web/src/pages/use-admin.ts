import { useEffect, useState } from 'react';
import { adminCredential, type AdminCredential } from '../api/client';

/** The admin credential of this tab, kept up to date when it signs in or out. */
export const useAdminCredential = (): AdminCredential | null => {
  const [credential, setCredential] = useState(adminCredential);
  useEffect(() => {
    const update = () => setCredential(adminCredential());
    window.addEventListener('ayllu-admin', update);
    return () => window.removeEventListener('ayllu-admin', update);
  }, []);
  return credential;
};

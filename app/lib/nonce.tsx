import { createContext, useContext } from "react";

/** The per-request CSP nonce, provided by entry.server so inline scripts carry it. */
export const NonceContext = createContext<string>("");
export const useNonce = () => useContext(NonceContext);

import { withDetail, type LocaleText } from './error-messages'

export const enText: LocaleText = {
  codes: {
    1001: (dms) => ({
      message: withDetail('DMS rejected a parameter of the request', dms, ': '),
      action:
        'Check the amount and the bill number, then start the payment again. If it fails again, call the manager.',
    }),
    1003: () => ({
      message: "The cashier's DMS access token is invalid or has expired",
      action: 'Ask the manager to update the DMS token. Payments cannot be taken until then.',
    }),
    1004: () => ({
      message: 'Too many requests: DMS is refusing them for a moment',
      action: 'Wait a minute, then try again.',
    }),
    1500: () => ({
      message: 'DMS is busy',
      action: 'Try again shortly. If it keeps happening, call the manager.',
    }),
    2001: () => ({
      message: 'The paying account does not exist',
      action: 'Ask the manager to choose the paying account again in the cashier settings.',
    }),
    2002: () => ({
      message: 'The receiving account does not exist',
      action: 'Ask the manager to choose the receiving account again in the cashier settings.',
    }),
    2003: () => ({
      message: 'This bill has already been paid',
      action: "Do not charge again. The payment is listed in today's payments.",
    }),
    2004: () => ({
      message: "The amount differs from the bill's payment that is still open",
      action: 'Cancel the open payment of this bill first, then start one with the right amount.',
    }),
    2005: () => ({
      message: 'The receiving account is not verified yet and cannot take payments',
      action:
        'Ask the manager to verify the receiving account or choose another one in the settings.',
    }),
    2006: () => ({
      message: 'This receiving account does not accept this payment method',
      action: 'Ask the customer to use the other payment method, or ask the manager to enable it.',
    }),
    2007: () => ({
      message: 'The paying account has reached its number of payments for today',
      action: 'Ask the manager to change the paying account in the cashier settings',
    }),
    2008: () => ({
      message: 'DMS has no record of this payment',
      action: 'Refresh the page. If the customer has paid, ask the manager to check.',
    }),
    2009: () => ({
      message: 'This payment has been closed',
      action: 'Start a new payment if the customer still wants to pay.',
    }),
    3000: (dms) => ({
      message: withDetail('The payment network reported an error', dms, ': '),
      action: 'Try again shortly, or ask the customer to use the other payment method.',
    }),
  },
  rejected: (dms, code) => ({
    message: dms || `DMS returned error code ${code}`,
    action: `Try again shortly. If it fails again, call the manager and quote error code ${code}.`,
  }),
  unavailable: (sent, status) => ({
    message: `DMS cannot be reached right now${status ? ` (HTTP ${status})` : ''}`,
    action: sent
      ? 'Try again shortly. If it keeps happening, call the manager.'
      : 'The request was not sent. Check the network, then try again. If it keeps happening, call the manager.',
  }),
  unknown: () => ({
    message: 'DMS did not answer in time; checking the result with DMS…',
    action:
      'Do not charge again. Wait a moment: whether the customer has paid is shown once DMS confirms.',
  }),
}

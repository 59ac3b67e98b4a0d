"""Protection on screen: the idle lock, the passphrase dialogs, protecting a practice."""

"""Posterior-chain program workbench: provably optimal weekly plans for strength coaches."""

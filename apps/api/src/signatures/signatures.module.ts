import { Module } from '@nestjs/common';
import { SignatureVerifier } from './signature-verifier';

/** Verification of EIP-712 member messages, for the features whose writes are signed. */
@Module({ providers: [SignatureVerifier], exports: [SignatureVerifier] })
export class SignaturesModule {}

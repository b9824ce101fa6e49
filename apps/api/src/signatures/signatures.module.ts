import { Module } from '@nestjs/common';
import { SignatureVerifier } from './signature-verifier';
import { TypedDataController } from './typed-data/typed-data.controller';

/**
 * Signed member writes: the typed data a member signs (`POST /v1/daos/:id/typed-data/:action`) and the
 * verifier the writes' controllers check signatures with.
 */
@Module({ controllers: [TypedDataController], providers: [SignatureVerifier], exports: [SignatureVerifier] })
export class SignaturesModule {}

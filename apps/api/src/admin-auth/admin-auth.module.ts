import { Global, Module } from '@nestjs/common';
import { AdminKeyGuard } from '../shared/admin-key.guard';
import { AdminAuthenticator } from './admin-authenticator';
import { CreateAdminKeyController } from './admin-keys/create-admin-key/create-admin-key.controller';
import { CreateAdminKeyHandler } from './admin-keys/create-admin-key/create-admin-key.handler';
import { ListAdminKeysController } from './admin-keys/list-admin-keys/list-admin-keys.controller';
import { RevokeAdminKeyController } from './admin-keys/revoke-admin-key/revoke-admin-key.controller';
import { RevokeAdminKeyHandler } from './admin-keys/revoke-admin-key/revoke-admin-key.handler';
import { RequestSiweNonceController } from './admin-sessions/request-nonce/request-nonce.controller';
import { RequestSiweNonceHandler } from './admin-sessions/request-nonce/request-nonce.handler';
import { SignInController } from './admin-sessions/sign-in/sign-in.controller';
import { SignInHandler } from './admin-sessions/sign-in/sign-in.handler';
import { SiweVerifier } from './admin-sessions/sign-in/siwe-verifier';
import { SignOutController } from './admin-sessions/sign-out/sign-out.controller';
import { AddAdminWalletController } from './admin-wallets/add-admin-wallet/add-admin-wallet.controller';
import { AddAdminWalletHandler } from './admin-wallets/add-admin-wallet/add-admin-wallet.handler';
import { ListAdminWalletsController } from './admin-wallets/list-admin-wallets/list-admin-wallets.controller';
import { RemoveAdminWalletController } from './admin-wallets/remove-admin-wallet/remove-admin-wallet.controller';
import { RemoveAdminWalletHandler } from './admin-wallets/remove-admin-wallet/remove-admin-wallet.handler';
import { FailedAdminAttempts } from './failed-admin-attempts';

/**
 * Who may administer what: the platform admin (the configured key), DAO admin keys and admin wallets
 * signed in with Ethereum, and the guard every admin route uses. Global, so every feature's controllers
 * can put `AdminKeyGuard` on their admin routes.
 */
@Global()
@Module({
  controllers: [
    CreateAdminKeyController,
    ListAdminKeysController,
    RevokeAdminKeyController,
    AddAdminWalletController,
    ListAdminWalletsController,
    RemoveAdminWalletController,
    RequestSiweNonceController,
    SignInController,
    SignOutController,
  ],
  providers: [
    AdminAuthenticator,
    FailedAdminAttempts,
    AdminKeyGuard,
    SiweVerifier,
    CreateAdminKeyHandler,
    RevokeAdminKeyHandler,
    AddAdminWalletHandler,
    RemoveAdminWalletHandler,
    RequestSiweNonceHandler,
    SignInHandler,
  ],
  exports: [AdminAuthenticator, FailedAdminAttempts, AdminKeyGuard],
})
export class AdminAuthModule {}

import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { getAddress } from 'viem';
import { ApiProblemResponses } from '../../shared/api-problems';
import { SafeTransactionView } from '../safe-transaction.view';
import { AddSafeSignatureCommand } from './add-safe-signature.handler';
import { AddSafeSignatureRequest } from './add-safe-signature.request.dto';

@ApiTags('Treasury')
@Controller('v1/daos/:id/safe-transactions/:safeTxHash/signatures')
export class AddSafeSignatureController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: "Add a treasurer's signature",
    description:
      "From an owner account: accepted only if it recovers to `signer` over this exact transaction on this DAO's chain and Safe, and `signer` is a current owner. " +
      "It is checked by the Safe's own rules: v must be 27 or 28 (0 or 1 are read as y-parity and rewritten), a high s is rewritten to its " +
      'low twin, and the canonical form is what is recorded; any other v is refused (422 SIGNATURE.UNSUPPORTED_V). ' +
      'From an owner that is a contract (EIP-1271: another Safe, a smart wallet): `signature` is what its `isValidSignature(bytes, bytes)` accepts for ' +
      "the transaction's encoded data (for an owner Safe: its owners' signatures over the SafeMessage served in the transaction's `contractOwners`). " +
      "The DAO's Safe itself is asked, as it will be at execution (`checkNSignatures`); a refusal is 422 SIGNATURE.CONTRACT_REFUSED and nothing is recorded. " +
      'The same signature again changes nothing; a different valid signature from the same owner replaces theirs. Once the threshold is met the relayer executes the transaction.',
  })
  @ApiBody({ type: AddSafeSignatureRequest })
  @ApiOkResponse({ type: SafeTransactionView })
  @ApiProblemResponses(400, 403, 404, 409, 422, 503)
  add(
    @Param('id') id: string,
    @Param('safeTxHash') safeTxHash: string,
    @Body() body: AddSafeSignatureRequest,
  ): Promise<SafeTransactionView> {
    return this.commands.execute(new AddSafeSignatureCommand(id, safeTxHash, getAddress(body.signer), body.signature));
  }
}

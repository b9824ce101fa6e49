import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsString, Length, Max, Min } from 'class-validator';
import { TOTAL_SHARES } from '@ayllu/domain';
import { IsBytes32 } from '../../shared/validation/validators';

export const MAX_CODES = 500;

export class GenerateShareCodesRequest {
  @ApiProperty({ example: 10, minimum: 1, maximum: MAX_CODES, description: 'How many one-time codes' })
  @IsInt()
  @Min(1)
  @Max(MAX_CODES)
  count!: number;

  @ApiProperty({ example: 50, minimum: 1, maximum: TOTAL_SHARES, description: 'Shares each code is worth' })
  @IsInt()
  @Min(1)
  @Max(TOTAL_SHARES)
  shares!: number;
}

export class GeneratedShareCode {
  @ApiProperty({ example: 'kX3v9QeTz0b6rJw1mYc2Lg', description: 'The secret: shown this once, never stored or logged' })
  code!: string;
  @ApiProperty({ example: `0x${'ab'.repeat(32)}`, description: 'keccak256 of the code: what the log keeps, and what revocation names' })
  codeHash!: string;
  @ApiProperty({ example: 50 }) shares!: number;
  @ApiProperty({ example: 'data:image/svg+xml;base64,PHN2Zy…', description: 'The code as a QR image (SVG data: URL)' })
  qrSvg!: string;
}

export class GeneratedShareCodesView {
  @ApiProperty({ example: 'share_0193a1b2c3d4e5f60718293a4b5c' }) poolId!: string;
  @ApiProperty({ type: [GeneratedShareCode] }) codes!: GeneratedShareCode[];
}

export class RevokeShareCodesRequest {
  @ApiProperty({ type: [String], example: [`0x${'ab'.repeat(32)}`], description: 'The hashes of outstanding codes' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CODES)
  @IsBytes32({ each: true })
  codeHashes!: string[];
}

export class ShareCodeQrRequest {
  @ApiProperty({ example: 'kX3v9QeTz0b6rJw1mYc2Lg', description: 'The code to draw (in the body, so it never appears in a URL)' })
  @IsString()
  @Length(8, 64)
  code!: string;
}

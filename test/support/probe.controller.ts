import { Body, Controller, Get, Header, Post } from '@nestjs/common';
import { DomainError } from '@vgbf/core';
import { Public } from '@vgbf/core';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsEmail, IsInt, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';

class ProbeReferee {
  @IsString() @MaxLength(10) name: string;
  @IsEmail() email: string;
}

export class ProbeBody {
  @IsEmail() email: string;
  @IsInt() @Min(1) @Max(4) rank: number;
  @ValidateNested({ each: true }) @Type(() => ProbeReferee) @ArrayMaxSize(2) referees: ProbeReferee[];
}

/** Test-only routes that exercise the HTTP conventions through the real pipeline. */
@Public()
@Controller('probe')
export class ProbeController {
  @Post()
  echo(@Body() body: ProbeBody): ProbeBody {
    return body;
  }

  /** A route that says how to cache itself: the edge's default `no-store` must not override it. */
  @Get('cached')
  @Header('Cache-Control', 'public, max-age=60')
  cached(): { cached: true } {
    return { cached: true };
  }

  @Get('boom')
  boom(): never {
    throw new Error('database exploded: secret connection string postgres://x:y@z');
  }

  @Get('conflict')
  conflict(): never {
    throw new DomainError('deadline_passed', 'conflict', 'The application window closed at 2027-03-31 23:59 (GMT+7).', {
      deadline: '2027-03-31T16:59:00.000Z',
      closedAt: '2027-03-31 23:59 (GMT+7)',
    });
  }
}

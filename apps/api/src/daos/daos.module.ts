import { Module } from '@nestjs/common';
import { CreateDaoController } from './create-dao/create-dao.controller';
import { CreateDaoHandler } from './create-dao/create-dao.handler';
import { GetDaoController } from './get-dao/get-dao.controller';
import { ListDaosController } from './list-daos/list-daos.controller';

@Module({
  controllers: [CreateDaoController, ListDaosController, GetDaoController],
  providers: [CreateDaoHandler],
})
export class DaosModule {}

import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DestinationStream } from 'pino';
import type { Logger } from 'typeorm';
import { AuditContextInterceptor } from './audit/audit-context.interceptor.js';
import { AuditModule } from './audit/audit.controller.js';
import { AuthModule } from './auth/auth.module.js';
import { JWT_SECRET } from './auth/jwt-secret.js';
import { GlobalExceptionFilter } from './common/errors/global-exception.filter.js';
import type { AppConfig } from './config/config.js';
import { APP_CONFIG } from './config/config.js';
import { dataSourceOptions } from './database/data-source.js';
import { DATABASE_URL } from './jobs/worker.service.js';
import { AssignmentModule } from './modules/assignments/assignment.module.js';
import { CandidateModule } from './modules/candidates/candidate.module.js';
import { CareersModule } from './modules/careers/careers.module.js';
import { CompetencyModule } from './modules/competencies/competency.module.js';
import { DashboardModule } from './modules/dashboard/dashboard.module.js';
import { DistrictModule } from './modules/districts/district.module.js';
import { EducatorModule } from './modules/educators/educator.module.js';
import { EvidenceModule } from './modules/evidence/evidence.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { HoursModule } from './modules/hours/hours.module.js';
import { LeadershipRoleModule } from './modules/leadership-roles/leadership-role.module.js';
import { MentorModule } from './modules/mentors/mentor.module.js';
import { NominationModule } from './modules/nominations/nomination.module.js';
import { NotificationModule } from './modules/notifications/notification.module.js';
import { OpportunityModule } from './modules/opportunities/opportunity.module.js';
import { PlanModule } from './modules/plans/plan.module.js';
import { PositionModule } from './modules/positions/position.module.js';
import { ReadinessModule } from './modules/readiness/readiness.module.js';
import { ReflectionModule } from './modules/reflections/reflection.module.js';
import { ReviewsModule } from './modules/reviews/reviews.module.js';
import { SchoolModule } from './modules/schools/school.module.js';
import { SsoModule } from './modules/sso/sso.module.js';
import { SuccessionModule } from './modules/succession/succession.module.js';
import { UserModule } from './modules/users/user.module.js';

export interface AppModuleOptions {
  config: AppConfig;
  databaseUrl: string;
  jwtSecret: string;
  /**
   * Receives every SQL statement TypeORM sends (e.g. a QueryRecorder in tests and the bench). Unset in
   * production: then TypeORM logs nothing and the app pays nothing.
   */
  queryLogger?: Logger;
  /** Where the log goes instead of stdout (tests read it). */
  logDestination?: DestinationStream;
}

@Global()
@Module({})
class CoreModule {
  static register(options: AppModuleOptions): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: options.config },
        { provide: JWT_SECRET, useValue: options.jwtSecret },
        { provide: DATABASE_URL, useValue: options.databaseUrl },
      ],
      exports: [APP_CONFIG, JWT_SECRET, DATABASE_URL],
    };
  }
}

@Module({})
export class AppModule {
  static register(options: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.register(options),
        TypeOrmModule.forRoot({
          ...dataSourceOptions(options.databaseUrl),
          retryAttempts: 0,
          ...(options.queryLogger ? { logger: options.queryLogger, logging: ['query' as const] } : {}),
        }),
        AuthModule,
        HealthModule,
        AuditModule,
        DistrictModule,
        SchoolModule,
        UserModule,
        EducatorModule,
        LeadershipRoleModule,
        CandidateModule,
        ReadinessModule,
        OpportunityModule,
        AssignmentModule,
        PositionModule,
        NominationModule,
        CompetencyModule,
        EvidenceModule,
        DashboardModule,
        SuccessionModule,
        CareersModule,
        PlanModule,
        MentorModule,
        ReflectionModule,
        HoursModule,
        ReviewsModule,
        SsoModule,
        NotificationModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: GlobalExceptionFilter },
        { provide: APP_INTERCEPTOR, useClass: AuditContextInterceptor },
      ],
    };
  }
}

import { Controller, Get, Header } from '@nestjs/common';
import { renderDocsPage } from './docs.page';
import { buildOpenApiDocument } from './openapi.document';

/** GET /openapi.json and GET /docs (no key needed: the document holds no tenant data). */
@Controller()
export class OpenApiController {
  private readonly document = buildOpenApiDocument();
  private readonly page = renderDocsPage(this.document);

  @Get('openapi.json')
  openApi(): Record<string, unknown> {
    return this.document;
  }

  @Get('docs')
  @Header('content-type', 'text/html; charset=utf-8')
  docs(): string {
    return this.page;
  }
}
